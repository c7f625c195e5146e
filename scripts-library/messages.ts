import { z } from 'zod';
import { ConversationSnapshot, MAX_SCRIPT_TEXT } from './schemas';

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

/** Panel or background → content script. */
export const ContentRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('insert'),
    text: z.string().min(1).max(MAX_SCRIPT_TEXT * 2),
    /** Offset in `text` where the caret ends; null: after the text. */
    cursor: z.number().int().nonnegative().nullable(),
  }),
  z.object({ type: z.literal('read-now') }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const InsertResult = z.object({
  ok: z.boolean(),
  /** Which editor strategy put the text in, for the panel's message and for debugging. */
  strategy: z.string().nullable(),
  /** Why it failed: `no-editor` (none found), `editor-gone` (the one the agent used was removed), `rejected`. */
  reason: z.enum(['no-editor', 'editor-gone', 'rejected']).nullable(),
});
export type InsertResult = z.infer<typeof InsertResult>;

export const PANEL_PORT_NAME = 'agent-assist-panel';
