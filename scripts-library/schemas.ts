import { z } from 'zod';
import { CHANNELS, LANGUAGES, MAX_SCRIPT_TEXT, SCRIPT_KINDS, STAGES } from './vocabulary';

export { CHANNELS, LANGUAGES, MAX_SCRIPT_TEXT, SCRIPT_KINDS, STAGES };

export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const ScriptKind = z.enum(SCRIPT_KINDS);
export type ScriptKind = z.infer<typeof ScriptKind>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** `any` means the script suits every channel. */
export const ScriptChannel = z.enum(['any', ...CHANNELS]);
export type ScriptChannel = z.infer<typeof ScriptChannel>;

const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may hold only letters, digits and . _ : - (and start with a letter or digit)');


export const Script = z.object({
  id: Id,
  stage: Stage,
  kind: ScriptKind,
  lang: Language,
  title: z.string().trim().min(1, 'must not be empty').max(200),
  text: z.string().min(1, 'must not be empty').max(MAX_SCRIPT_TEXT, `must be at most ${MAX_SCRIPT_TEXT} characters`),
  tags: z.array(z.string().min(1).max(60)).max(30).default([]),
  channel: ScriptChannel.default('any'),
  /** Pack the script came from; null for the agent's or trainer's own scripts. */
  packId: Id.nullable().default(null),
  /** Locked scripts are the team lead's wording: agents may use and duplicate them, not edit them. */
  locked: z.boolean().default(false),
  /** Bumped on every saved change. */
  version: z.number().int().min(1).default(1),
  /** True once a person edited a pack script here, so pack upgrades keep their wording. */
  editedLocally: z.boolean().default(false),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type Script = z.infer<typeof Script>;

/** A script as written in a pack file: the library fills in bookkeeping fields on install. */
export const PackScript = Script.omit({
  packId: true,
  version: true,
  editedLocally: true,
  createdAt: true,
  updatedAt: true,
});
export type PackScript = z.infer<typeof PackScript>;

const SemVer = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.2.0');

export const Pack = z.object({
  $schema: z.string().optional(),
  id: Id,
  name: z.string().trim().min(1).max(200),
  version: SemVer,
  publisher: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  languages: z.array(Language).min(1),
  scripts: z.array(PackScript),
});
export type Pack = z.infer<typeof Pack>;

export const Speaker = z.enum(['customer', 'agent']);
export type Speaker = z.infer<typeof Speaker>;

export const Message = z.object({
  speaker: Speaker,
  text: z.string(),
  /** ISO-8601 time when the page shows one. */
  at: z.string().nullable().default(null),
});
export type Message = z.infer<typeof Message>;

/** What a site adapter read from the helpdesk page: the one thing that flows from page to panel. */
export const ConversationSnapshot = z.object({
  /** Adapter id: `zendesk`, `freescout`, `demo`, `generic`, … */
  site: z.string().min(1),
  url: z.string(),
  ticketId: z.string().nullable().default(null),
  subject: z.string().nullable().default(null),
  customerName: z.string().nullable().default(null),
  agentName: z.string().nullable().default(null),
  channel: Channel.nullable().default(null),
  /** Oldest first. Internal notes and system events are not messages. */
  messages: z.array(Message),
  /** Whether a reply editor was found on the page. */
  hasEditor: z.boolean().default(false),
  /** `guess` when the generic reader inferred the structure: the panel says it is a best guess. */
  certainty: z.enum(['adapter', 'guess']).default('adapter'),
});
export type ConversationSnapshot = z.infer<typeof ConversationSnapshot>;

/** Turns zod issues into lines a person can act on: where, and what was expected. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)';
    return `${where}: ${issue.message}`;
  });
}
