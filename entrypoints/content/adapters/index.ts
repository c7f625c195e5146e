import { HOSTED_ADAPTERS } from './hosted';
import { SELF_HOSTED_ADAPTERS } from './self-hosted';
import type { SiteAdapter } from './types';

/**
 * Every adapter, for tests and tools. The content script's two bundles import only their own list, so a hosted
 * helpdesk's page does not load the readers of self-hosted ones and the other way round.
 */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [...new Set([...HOSTED_ADAPTERS, ...SELF_HOSTED_ADAPTERS])];
