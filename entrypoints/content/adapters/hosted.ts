import { chatwootAdapter } from './chatwoot';
import { freshdeskAdapter } from './freshdesk';
import { frontAdapter } from './front';
import { gmailAdapter } from './gmail';
import { gorgiasAdapter } from './gorgias';
import { helpscoutAdapter } from './helpscout';
import { hubspotAdapter } from './hubspot';
import { intercomAdapter } from './intercom';
import { salesforceAdapter } from './salesforce';
import type { SiteAdapter } from './types';
import { zendeskAdapter } from './zendesk';
import { zohodeskAdapter } from './zohodesk';

/** Helpdesks that live on their vendors' hostnames; each recognises its own host and markup. */
export const HOSTED_ADAPTERS: readonly SiteAdapter[] = [
  zendeskAdapter,
  freshdeskAdapter,
  intercomAdapter,
  helpscoutAdapter,
  frontAdapter,
  gorgiasAdapter,
  zohodeskAdapter,
  hubspotAdapter,
  salesforceAdapter,
  gmailAdapter,
  chatwootAdapter,
];
