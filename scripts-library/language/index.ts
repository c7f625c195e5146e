export { detectLanguage, conversationLanguage, parseLanguageHint, languageScores, detectLanguagePrepared, LanguageAccumulator } from './detect';
export type { LanguageGuess, LanguageScores } from './detect';
export { prepareText, romanKey, normaliseWord } from './text';
export type { PreparedText, Token, WritingSystem } from './text';
