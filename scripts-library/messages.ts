import { z } from 'zod';
import { ConversationSnapshot } from './schemas';

/**
 * Messages between the extension's contexts. Each side parses what it receives with these schemas and ignores
 * anything else: a page or another extension must not be able to steer the panel or the editor.
 */

/** Content script → background: what the page shows now (null: this page has no conversation to read). */
export const SnapshotMessage = z.object({
  type: z.literal('snapshot'),
  snapshot: ConversationSnapshot.nullable(),
});
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;

/** What the panel knows about its tab. */
export const TabState = z.object({
  tabId: z.number().int(),
  /**
   * `conversation`: a conversation was read; `no-conversation`: the content script runs but sees none;
   * `unsupported`: no content script answers on this page (not enabled here, or a browser page).
   */
  status: z.enum(['conversation', 'no-conversation', 'unsupported']),
  snapshot: ConversationSnapshot.nullable(),
  url: z.string().nullable(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

/** Panel → background over a port: which tab to follow. */
export const WatchTabMessage = z.object({ type: z.literal('watch-tab'), tabId: z.number().int() });
export type WatchTabMessage = z.infer<typeof WatchTabMessage>;

/** Background → panel over the port. */
export const TabStateMessage = z.object({ type: z.literal('tab-state'), state: TabState });
export type TabStateMessage = z.infer<typeof TabStateMessage>;

export { ContentRequest, InsertResult } from './content-requests';

/** Panel → background: the agent granted this origin; run the self-hosted content script there. */
export const EnableSiteMessage = z.object({
  type: z.literal('enable-site'),
  origin: z.string().regex(/^https?:\/\/[^/*\s]+$/, 'must be an origin such as https://help.example.com'),
  tabId: z.number().int(),
});
export type EnableSiteMessage = z.infer<typeof EnableSiteMessage>;

export const PANEL_PORT_NAME = 'agent-assist-panel';
