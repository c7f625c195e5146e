export { diffWords, diffStats, sideOf, wordTokens } from './word-diff';
export type { DiffOp, DiffPart } from './word-diff';
