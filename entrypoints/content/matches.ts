import { HOSTED_HELPDESK_MATCHES } from '@/scripts-library/helpdesk-hosts';

/** The manifest's static list; wxt.config.ts adds the AGENT_ASSIST_HOSTS patterns at build time. */
export function contentScriptMatches(): string[] {
  return [...HOSTED_HELPDESK_MATCHES];
}
