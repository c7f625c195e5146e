import { chatwootAdapter } from './chatwoot';
import { demoAdapter } from './demo';
import { freescoutAdapter } from './freescout';
import { freshdeskAdapter } from './freshdesk';
import { frontAdapter } from './front';
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { gorgiasAdapter } from './gorgias';
import { helpscoutAdapter } from './helpscout';
import { hubspotAdapter } from './hubspot';
import { intercomAdapter } from './intercom';
import { osticketAdapter } from './osticket';
import type { SiteAdapter } from './types';
import { zammadAdapter } from './zammad';
import { zendeskAdapter } from './zendesk';
import { zohodeskAdapter } from './zohodesk';

/** Tried in order: every specific helpdesk first, the generic reader of unknown helpdesks last. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  zendeskAdapter,
  freshdeskAdapter,
  intercomAdapter,
  helpscoutAdapter,
  frontAdapter,
  gorgiasAdapter,
  zohodeskAdapter,
  hubspotAdapter,
  gmailAdapter,
  chatwootAdapter,
  zammadAdapter,
  freescoutAdapter,
  osticketAdapter,
  demoAdapter,
  genericAdapter,
];
