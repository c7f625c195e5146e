import { SELF_HOSTED_ADAPTERS } from './adapters/self-hosted';
import { runContentScript } from './run-content-script';

/**
 * The content script for self-hosted helpdesks and sites the agent enables. It has no fixed hosts: wxt.config.ts
 * lists the AGENT_ASSIST_HOSTS patterns for it in the manifest, and the background registers it at run time for
 * origins the agent enables from the panel.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // A new copy after an update tells the old one to stop with a DOM event only, not a message the page receives.
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, SELF_HOSTED_ADAPTERS),
});
