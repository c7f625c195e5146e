export { ScriptSearchIndex, allowedEdits } from './script-index';
export type { SearchResult, SearchableScript } from './script-index';
export { TermTrie } from './term-trie';
export type { TermMatch } from './term-trie';
export { foldText, searchTokens } from './tokens';
