import { defineConfig } from 'wxt';
import { HOSTED_HELPDESK_MATCHES, parseExtraHosts } from './scripts-library/helpdesk-hosts';

// Self-hosted helpdesks (and our tests on 127.0.0.1) are added at build time: AGENT_ASSIST_HOSTS="http://127.0.0.1/*".
const extraHosts = parseExtraHosts(process.env.AGENT_ASSIST_HOSTS);
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

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
    // Only the supported helpdesks (their content script's hosts) and the build-time self-hosted ones. Listing the
    // hosted ones here as well lets an update restart the reader in helpdesk tabs that are already open.
    host_permissions: [...HOSTED_HELPDESK_MATCHES, ...extraHosts],
    // Only the extension's own files run in its pages: no eval, no inline or remote script, no plugins, no <base>
    // rewriting and no form posts. Network access stays open for pack subscriptions to the URLs leads choose.
    content_security_policy:
      browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    // Enterprise policy for script packs (Chrome's managed storage; Firefox reads managed storage from its own
    // native-manifest mechanism and needs no schema here).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    action: { default_title: '__MSG_actionTitle__' },
    // A keyboard shortcut for the toolbar button, which opens the panel (Firefox: the sidebar). Agents change it in
    // the browser's shortcut settings; the panel shows the current one.
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_commandOpenPanel__' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_commandOpenPanel__' } },
    // The in-page palette is this extension page, shown in a frame at the caret (entrypoints/content/palette).
    web_accessible_resources:
      browser === 'firefox'
        ? ['palette.html']
        : [{ resources: ['palette.html'], matches: ['https://*/*', 'http://*/*'] }],
    browser_specific_settings:
      browser === 'firefox'
        ? // Nothing is collected or sent anywhere: Firefox's data-consent key says so.
          { gecko: { id: 'agent-assist@example.org', data_collection_permissions: { required: ['none'] } } }
        : undefined,
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
