/**
 * The vocabulary as a trie in flat typed arrays (no object per node: 20,000 scripts make a few hundred thousand
 * nodes), walked with an edit-distance row per level. One walk finds, for a typed word, every indexed word within
 * the allowed typos, both as a whole word and as a word the typed text begins (typing "delivr" finds "delivery").
 *
 * Distances are optimal-string-alignment (Levenshtein plus swapping two neighbours, the commonest typo), in UTF-16
 * code units: Devanagari, Tamil and Telugu vowel signs and viramas are units of their own, so a missing or wrong
 * vowel sign counts as one typo, as it does for a person reading it.
 */

export interface TermMatch {
  term: number;
  /** Edits between the typed word and the whole term. */
  distance: number;
  /** True when the typed word matched the beginning of the term rather than all of it. */
  prefix: boolean;
}

export class TermTrie {
  private readonly char: Uint16Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  /** Term id that ends at this node, or -1. */
  private readonly termAt: Int32Array;
  /** Terms under a node are a contiguous run of `sortedTerms`: [rangeStart, rangeEnd). */
  private readonly rangeStart: Int32Array;
  private readonly rangeEnd: Int32Array;
  private readonly sortedTerms: Int32Array;
  private readonly maxDepth: number;

  /** `terms[id]` is the term with that id; ids are kept, so postings stay valid. */
  constructor(terms: readonly string[]) {
    const order = Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    let capacity = 1;
    let maxDepth = 0;
    for (const term of terms) {
      capacity += term.length;
      if (term.length > maxDepth) maxDepth = term.length;
    }
    this.maxDepth = maxDepth;
    this.char = new Uint16Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.termAt = new Int32Array(capacity).fill(-1);
    this.rangeStart = new Int32Array(capacity);
    this.rangeEnd = new Int32Array(capacity);
    this.sortedTerms = Int32Array.from(order);

    // Sorted input: each new term shares a prefix with the previous one, so the path to extend is the current stack.
    const path: number[] = [0];
    const lastChild = new Int32Array(capacity).fill(-1);
    let nodes = 1;
    let previous = '';
    order.forEach((termId, position) => {
      const term = terms[termId]!;
      let shared = 0;
      while (shared < term.length && shared < previous.length && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      for (let depth = path.length - 1; depth > shared; depth--) this.rangeEnd[path.pop()!] = position;
      for (let depth = shared; depth < term.length; depth++) {
        const parent = path[path.length - 1]!;
        const node = nodes++;
        this.char[node] = term.charCodeAt(depth);
        this.rangeStart[node] = position;
        if (lastChild[parent] === -1) this.firstChild[parent] = node;
        else this.nextSibling[lastChild[parent]!] = node;
        lastChild[parent] = node;
        path.push(node);
      }
      if (term.length > 0 && path.length - 1 === term.length) this.termAt[path[path.length - 1]!] = termId;
      previous = term;
    });
    while (path.length > 0) this.rangeEnd[path.pop()!] = order.length;
  }

  /**
   * Terms within `maxEdits` of `word` as whole words, and terms whose beginning is within `maxPrefixEdits` of it.
   * Each term is reported once, with its best reading (whole-word distance first).
   */
  match(word: string, maxEdits: number, maxPrefixEdits: number, found: (match: TermMatch) => void): void {
    const m = word.length;
    if (m === 0) return;
    const query = new Uint16Array(m);
    for (let i = 0; i < m; i++) query[i] = word.charCodeAt(i);
    const limit = Math.max(maxEdits, maxPrefixEdits);
    // rows[d] is the edit-distance row after reading d characters of the term.
    const rows: Int32Array[] = [];
    for (let d = 0; d <= this.maxDepth; d++) rows.push(new Int32Array(m + 1));
    const first = rows[0]!;
    for (let j = 0; j <= m; j++) first[j] = j;
    const charAtDepth = new Uint16Array(this.maxDepth + 1);

    const emitRange = (node: number, distance: number) => {
      const own = this.termAt[node]!;
      for (let i = this.rangeStart[node]!; i < this.rangeEnd[node]!; i++) {
        const term = this.sortedTerms[i]!;
        if (term !== own) found({ term, distance, prefix: true });
      }
    };

    const visit = (node: number, depth: number, bestPrefix: number): void => {
      const c = this.char[node]!;
      charAtDepth[depth] = c;
      const above = rows[depth - 1]!;
      const row = rows[depth]!;
      row[0] = depth;
      let rowMin = depth;
      for (let j = 1; j <= m; j++) {
        let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (query[j - 1] === c ? 0 : 1));
        if (depth > 1 && j > 1 && query[j - 1] === charAtDepth[depth - 1] && query[j - 2] === c) {
          value = Math.min(value, rows[depth - 2]![j - 2]! + 1);
        }
        row[j] = value;
        if (value < rowMin) rowMin = value;
      }
      const whole = row[m]!;
      const prefixHere = whole <= maxPrefixEdits ? whole : Infinity;
      const best = Math.min(bestPrefix, prefixHere);
      const own = this.termAt[node]!;
      if (own !== -1) {
        if (whole <= maxEdits) found({ term: own, distance: whole, prefix: false });
        else if (best <= maxPrefixEdits) found({ term: own, distance: best, prefix: true });
      }
      // Row values never get smaller going deeper: once the best prefix reading cannot improve, every term below
      // matches with it; once the row is past every allowance, nothing below can match any better.
      if (rowMin > limit || (best <= maxPrefixEdits && rowMin >= best)) {
        if (best <= maxPrefixEdits) emitRange(node, best);
        return;
      }
      for (let child = this.firstChild[node]!; child !== -1; child = this.nextSibling[child]!) visit(child, depth + 1, best);
    };

    for (let child = this.firstChild[0]!; child !== -1; child = this.nextSibling[child]!) visit(child, 1, Infinity);
  }
}
