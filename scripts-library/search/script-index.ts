import { TermTrie, type TermMatch } from './term-trie';
import { searchTokens } from './tokens';

/**
 * Full-text search over the script library, built for searching on every keystroke in a library of 20,000 scripts
 * in English, Hindi, Tamil, Telugu and Spanish (benchmark: `npm run bench`, against Fuse.js in the same run).
 *
 * How: an inverted index (word → scripts) plus a trie of the vocabulary. A query is split into words; each word is
 * looked up with typo tolerance and as a prefix (the word being typed is usually unfinished), so the cost is one
 * trie walk per word and one pass over the matching postings, not a fuzzy comparison against every script as
 * Fuse.js does. Every query word must match (AND); ranking sums how well each word matched, weighted by where
 * (title above tags above text).
 */

export interface SearchableScript {
  id: string;
  title: string;
  text: string;
  tags: readonly string[];
  /** Words a trainer may search by that are not in the text: stage and kind names, pack id. */
  keywords?: string;
}

export interface SearchResult {
  /** Matching script ids, best first. */
  ids: string[];
  total: number;
}

const FIELD_TEXT = 1;
const FIELD_TAGS = 2;
const FIELD_TITLE = 4;
const FIELD_KEYWORDS = 8;
const FIELD_BITS = 4;
const HEAD_FIELDS = FIELD_TAGS | FIELD_TITLE | FIELD_KEYWORDS;
/** Best field weight for each combination of field bits. */
const FIELD_WEIGHT = Float32Array.from({ length: 16 }, (_, mask) =>
  mask & FIELD_TITLE ? 3 : mask & FIELD_TAGS ? 2 : mask & FIELD_TEXT ? 1 : mask & FIELD_KEYWORDS ? 0.8 : 0,
);

/** Typos allowed in a word of this many code units: none in short words, where one typo makes another word. */
export function allowedEdits(length: number): { whole: number; prefix: number } {
  if (length <= 3) return { whole: 0, prefix: 0 };
  if (length <= 7) return { whole: 1, prefix: length >= 5 ? 1 : 0 };
  return { whole: 2, prefix: 1 };
}

function matchQuality(match: TermMatch, termLength: number, typedLength: number): number {
  if (!match.prefix) return match.distance === 0 ? 1 : match.distance === 1 ? 0.6 : 0.45;
  // A prefix that covers most of the word is nearly as good as the word.
  const coverage = Math.min(1, typedLength / Math.max(1, termLength));
  return (match.distance === 0 ? 0.55 : 0.35) + 0.3 * coverage;
}

export class ScriptSearchIndex {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per term: docNo << FIELD_BITS | field bits. */
  private readonly postings: number[][] = [];
  /**
   * The same, for title, tags and keywords only. A one-letter prefix ("a…") matches a large share of every text;
   * reading it against the short fields keeps the first keystroke as fast as the rest, and is what a person
   * means by one letter anyway.
   */
  private readonly headPostings: number[][] = [];
  private docIds: string[] = [];
  private alive: Uint8Array = new Uint8Array(1024);
  private readonly docNoById = new Map<string, number>();
  private readonly indexedAs = new Map<string, string>();
  private trie: TermTrie | null = null;
  private trieTerms = 0;
  private deadDocs = 0;
  // Scratch arrays reused across queries, stamped instead of cleared.
  private stamp = new Uint32Array(0);
  private matched = new Uint16Array(0);
  private best = new Float32Array(0);
  private score = new Float32Array(0);
  private touched = new Int32Array(0);
  private keys = new Float64Array(0);
  private generation = 0;

  constructor(scripts: Iterable<SearchableScript> = []) {
    for (const script of scripts) this.add(script);
  }

  get size(): number {
    return this.docNoById.size;
  }

  /**
   * Brings the index in line with the library: adds new scripts, re-indexes changed ones, drops removed ones.
   * Cheap when little changed, so it can run on every live-query update.
   */
  sync(scripts: readonly SearchableScript[]): void {
    const seen = new Set<string>();
    for (const script of scripts) {
      seen.add(script.id);
      const signature = signatureOf(script);
      if (this.indexedAs.get(script.id) === signature) continue;
      this.remove(script.id);
      this.add(script);
    }
    if (seen.size !== this.docNoById.size) for (const id of [...this.docNoById.keys()]) if (!seen.has(id)) this.remove(id);
    if (this.deadDocs > 1000 && this.deadDocs > this.docNoById.size / 2) this.compact();
  }

  add(script: SearchableScript): void {
    if (this.docNoById.has(script.id)) this.remove(script.id);
    const docNo = this.docIds.length;
    this.docIds.push(script.id);
    if (docNo >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2);
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[docNo] = 1;
    this.docNoById.set(script.id, docNo);
    this.indexedAs.set(script.id, signatureOf(script));

    const fields = new Map<string, number>();
    const note = (text: string, bit: number) => {
      for (const token of searchTokens(text)) fields.set(token, (fields.get(token) ?? 0) | bit);
    };
    note(script.text, FIELD_TEXT);
    note(script.tags.join(' '), FIELD_TAGS);
    note(script.title, FIELD_TITLE);
    if (script.keywords) note(script.keywords, FIELD_KEYWORDS);
    for (const [token, bits] of fields) {
      let termId = this.termIds.get(token);
      if (termId === undefined) {
        termId = this.terms.length;
        this.terms.push(token);
        this.termIds.set(token, termId);
        this.postings.push([]);
        this.headPostings.push([]);
      }
      const entry = (docNo << FIELD_BITS) | bits;
      this.postings[termId]!.push(entry);
      if (bits & HEAD_FIELDS) this.headPostings[termId]!.push(entry);
    }
  }

  remove(id: string): void {
    const docNo = this.docNoById.get(id);
    if (docNo === undefined) return;
    // Postings keep the old entry; the alive flag hides it until the next compaction.
    this.alive[docNo] = 0;
    this.docNoById.delete(id);
    this.indexedAs.delete(id);
    this.deadDocs++;
  }

  /** Rebuilds postings without removed scripts, keeping term ids (the trie stays valid). */
  private compact(): void {
    const renumber = new Int32Array(this.docIds.length).fill(-1);
    const ids: string[] = [];
    this.docIds.forEach((id, docNo) => {
      if (this.alive[docNo]) {
        renumber[docNo] = ids.length;
        ids.push(id);
      }
    });
    const renumbered = (list: readonly number[]) => {
      const kept: number[] = [];
      for (const entry of list) {
        const to = renumber[entry >>> FIELD_BITS]!;
        if (to !== -1) kept.push((to << FIELD_BITS) | (entry & 15));
      }
      return kept;
    };
    for (let t = 0; t < this.postings.length; t++) {
      this.postings[t] = renumbered(this.postings[t]!);
      this.headPostings[t] = renumbered(this.headPostings[t]!);
    }
    this.docIds = ids;
    this.alive = new Uint8Array(Math.max(1024, ids.length * 2));
    this.alive.fill(1, 0, ids.length);
    this.docNoById.clear();
    ids.forEach((id, docNo) => this.docNoById.set(id, docNo));
    this.deadDocs = 0;
  }

  /** Builds what the first search would otherwise build, so the first keystroke is as fast as the rest. */
  prepare(): void {
    this.currentTrie();
  }

  private currentTrie(): TermTrie {
    // New words since the last build: rebuild (tens of milliseconds for a large library, once after an edit).
    if (!this.trie || this.trieTerms !== this.terms.length) {
      this.trie = new TermTrie(this.terms);
      this.trieTerms = this.terms.length;
    }
    return this.trie;
  }

  private scratch(): void {
    const n = this.docIds.length;
    if (this.stamp.length < n) {
      const size = Math.max(1024, n * 2);
      this.stamp = new Uint32Array(size);
      this.matched = new Uint16Array(size);
      this.best = new Float32Array(size);
      this.score = new Float32Array(size);
      this.touched = new Int32Array(size);
      this.keys = new Float64Array(size);
      this.generation = 0;
    }
  }

  /**
   * Scripts matching every word of the query, best first. Returns null for a query with no words (show everything).
   * `limit` caps how many ids are returned; `total` still counts every match.
   */
  search(query: string, { limit = Infinity }: { limit?: number } = {}): SearchResult | null {
    const words = searchTokens(query);
    if (words.length === 0) return null;
    const trie = this.currentTrie();
    this.scratch();
    const { stamp, matched, best, score } = this;
    // Each query uses 1 + words.length generations: one to mark "touched by this query", one per word.
    if (this.generation > 0xfffffff0 - words.length) {
      stamp.fill(0);
      this.generation = 0;
    }
    const queryGeneration = ++this.generation;
    // Scratch buffers, not fresh arrays: a keystroke should leave no garbage for the collector to pause on.
    const touched = this.touched;
    let touchedCount = 0;

    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const wordGeneration = ++this.generation;
      touchedCount = 0;
      const { whole, prefix } = allowedEdits(word.length);
      trie.match(word, whole, prefix, (match) => {
        const quality = matchQuality(match, this.terms[match.term]!.length, word.length);
        const list = match.prefix && word.length === 1 ? this.headPostings[match.term]! : this.postings[match.term]!;
        for (const entry of list) {
          const docNo = entry >>> FIELD_BITS;
          if (!this.alive[docNo]) continue;
          // Word w can only add to scripts every earlier word matched.
          if (w > 0 && (stamp[docNo]! < queryGeneration || matched[docNo] !== w)) continue;
          const weight = quality * FIELD_WEIGHT[entry & 15]!;
          if (stamp[docNo] !== wordGeneration) {
            if (w === 0) {
              matched[docNo] = 0;
              score[docNo] = 0;
            }
            stamp[docNo] = wordGeneration;
            best[docNo] = weight;
            touched[touchedCount++] = docNo;
          } else if (weight > best[docNo]!) {
            best[docNo] = weight;
          }
        }
      });
      for (let i = 0; i < touchedCount; i++) {
        const docNo = touched[i]!;
        matched[docNo] = w + 1;
        score[docNo]! += best[docNo]!;
      }
      if (touchedCount === 0) break;
    }

    // Sort by score (descending), then by insertion order, packed in one float so the sort is numeric and native.
    const keys = this.keys.subarray(0, touchedCount);
    for (let i = 0; i < touchedCount; i++) {
      const docNo = touched[i]!;
      keys[i] = -Math.round(score[docNo]! * 1000) * 4_194_304 + docNo;
    }
    keys.sort();
    const count = Math.min(limit, touchedCount);
    const ids: string[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const docNo = ((keys[i]! % 4_194_304) + 4_194_304) % 4_194_304;
      ids[i] = this.docIds[docNo]!;
    }
    return { ids, total: touchedCount };
  }
}

function signatureOf(script: SearchableScript): string {
  return `${script.title}\u0000${script.text}\u0000${script.tags.join('\u0001')}\u0000${script.keywords ?? ''}`;
}
