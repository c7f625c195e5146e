import { defineConfig } from 'wxt';
import { parseExtraHosts } from './scripts-library/helpdesk-hosts';

// Self-hosted helpdesks (and our tests on 127.0.0.1) are added at build time: AGENT_ASSIST_HOSTS="http://127.0.0.1/*".
const extraHosts = parseExtraHosts(process.env.AGENT_ASSIST_HOSTS);

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Self-hosted helpdesks on other domains: the agent grants them one by one from the panel.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: extraHosts,
    action: { default_title: '__MSG_actionTitle__' },
    browser_specific_settings: browser === 'firefox' ? { gecko: { id: 'agent-assist@example.org' } } : undefined,
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (extraHosts.length === 0) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...new Set([...(script.matches ?? []), ...extraHosts])];
      }
    },
  },
});
