/**
 * Where the content script runs without asking: the hosted helpdesks' real hostnames. Self-hosted helpdesks
 * (Zammad, FreeScout, Chatwoot, osTicket) live on their owners' domains: the agent enables those at run time, or an
 * IT team lists them at build time in AGENT_ASSIST_HOSTS.
 */
export const HOSTED_HELPDESK_MATCHES = [
  'https://*.zendesk.com/*',
  'https://*.freshdesk.com/*',
  'https://*.myfreshworks.com/*',
  'https://app.intercom.com/*',
  'https://app.eu.intercom.com/*',
  'https://app.au.intercom.com/*',
  'https://secure.helpscout.net/*',
  'https://app.frontapp.com/*',
  'https://*.gorgias.com/*',
  'https://desk.zoho.com/*',
  'https://desk.zoho.eu/*',
  'https://desk.zoho.in/*',
  'https://desk.zoho.com.au/*',
  'https://desk.zoho.jp/*',
  'https://app.hubspot.com/*',
  'https://*.lightning.force.com/*',
  'https://mail.google.com/*',
  'https://app.chatwoot.com/*',
] as const;

/**
 * Parses the AGENT_ASSIST_HOSTS build variable: comma-separated match patterns. Throws with the bad entry named, so
 * a typo fails the build instead of silently shipping an extension that runs nowhere.
 */
export function parseExtraHosts(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (!/^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/.test(entry)) {
        throw new Error(`AGENT_ASSIST_HOSTS: "${entry}" is not a match pattern such as https://help.example.com/* or http://127.0.0.1/*`);
      }
      return entry;
    });
}
