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
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Self-hosted helpdesks on other domains: the agent grants them one by one from the panel. Firefox's MV2 build
    // spells optional hosts as optional permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    host_permissions: extraHosts,
    // Enterprise policy for script packs (Chrome's managed storage; Firefox reads managed storage from its own
    // native-manifest mechanism and needs no schema here).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    action: { default_title: '__MSG_actionTitle__' },
    browser_specific_settings: browser === 'firefox' ? { gecko: { id: 'agent-assist@example.org' } } : undefined,
  }),
  hooks: {
    // The self-hosted bundle (entrypoints/content) is registered at run time for origins the agent enables; the
    // build-time hosts get it through the manifest.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (extraHosts.length === 0) return;
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({ matches: extraHosts, js: ['content-scripts/content.js'], run_at: 'document_idle' });
    },
  },
});
