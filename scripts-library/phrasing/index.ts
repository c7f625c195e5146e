export { CHAT_LIMIT, CHECK_SEVERITY, PHRASING_CHECKS, checkPhrasing, openFindings, writtenLanguage } from './checks';
export type { CheckOptions, CheckedScript, FindingSeverity, PhrasingCheckId, PhrasingFinding } from './checks';
export { LEXICONS, PHRASE_KINDS } from './lexicon';
export type { Lexicon, PhraseKind } from './lexicon';
export { findPhrases, hasPhrase, maskSpans, phraseKindsIn } from './matcher';
export type { PhraseMatch } from './matcher';
