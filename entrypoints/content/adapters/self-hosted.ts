import { chatwootAdapter } from './chatwoot';
import { demoAdapter } from './demo';
import { freescoutAdapter } from './freescout';
import { genericAdapter } from './generic';
import { osticketAdapter } from './osticket';
import type { SiteAdapter } from './types';
import { zammadAdapter } from './zammad';

/**
 * For helpdesks on their owners' domains, recognised by markup, and for any other site the agent enables: the
 * self-hostable products first, the generic reader of unknown helpdesks last.
 */
export const SELF_HOSTED_ADAPTERS: readonly SiteAdapter[] = [
  zammadAdapter,
  freescoutAdapter,
  osticketAdapter,
  chatwootAdapter,
  demoAdapter,
  genericAdapter,
];
