import { HOSTED_HELPDESK_MATCHES } from '@/scripts-library/helpdesk-hosts';
import { HOSTED_ADAPTERS } from './content/adapters/hosted';
import { runContentScript } from './content/run-content-script';

/** The content script for hosted helpdesks, on their real hostnames only. */
export default defineContentScript({
  matches: [...HOSTED_HELPDESK_MATCHES],
  runAt: 'document_idle',
  // A new copy after an update tells the old one to stop with a DOM event only, not a message the page receives.
  noScriptStartedPostMessage: true,
  main: (ctx) => runContentScript(ctx, HOSTED_ADAPTERS),
});
