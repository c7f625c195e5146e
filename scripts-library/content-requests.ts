import { z } from 'zod/mini';
import { MAX_SCRIPT_TEXT } from './vocabulary';

/**
 * What the panel and the background ask of the content script, and its answer to an insert. Written with zod's
 * small build because this part is parsed inside every helpdesk page: the content script stays light.
 */
export const ContentRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('insert'),
    text: z.string().check(z.minLength(1), z.maxLength(MAX_SCRIPT_TEXT * 2)),
    /** Offset in `text` where the caret ends; null: after the text. */
    cursor: z.nullable(z.number().check(z.int(), z.nonnegative())),
  }),
  z.object({ type: z.literal('read-now') }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const InsertResult = z.object({
  ok: z.boolean(),
  /** Which editor strategy put the text in, for the panel's message and for debugging. */
  strategy: z.nullable(z.string()),
  /** Why it failed: `no-editor` (none found), `editor-gone` (the one the agent used was removed), `rejected`. */
  reason: z.nullable(z.enum(['no-editor', 'editor-gone', 'rejected'])),
});
export type InsertResult = z.infer<typeof InsertResult>;
