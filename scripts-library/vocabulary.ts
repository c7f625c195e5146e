/**
 * The product's fixed vocabularies as plain constants. Kept free of zod so the content script, which needs only the
 * words, does not carry the schema library into every helpdesk page.
 */

/** Conversation stages, in the order a conversation usually moves through them (ids are a contract: design.md). */
export const STAGES = ['greeting', 'rapport', 'discovery', 'solution', 'recovery', 'closing', 'follow_up'] as const;

/**
 * Languages the scripts and the detector know. BCP-47 ids; `-Latn` marks romanized Indic text
 * ("Hinglish", Tanglish, romanized Telugu), which customers type far more often than native script in chat.
 */
export const LANGUAGES = ['en', 'hi', 'hi-Latn', 'ta', 'ta-Latn', 'te', 'te-Latn', 'es'] as const;

/** What a script does in the reply; several kinds can serve one stage (recovery: empathy, apology). */
export const SCRIPT_KINDS = [
  'greeting',
  'rapport_question',
  'needs_question',
  'solution',
  'empathy',
  'apology',
  'gratitude',
  'closing',
  'follow_up',
] as const;

export const CHANNELS = ['chat', 'email', 'phone'] as const;

/** Script texts are short phrases; 20,000 characters is far past any real one and keeps a hostile pack small. */
export const MAX_SCRIPT_TEXT = 20_000;
