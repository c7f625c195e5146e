/**
 * Word-level diff between two versions of a script, for the history view. Myers' O((N+M)·D) algorithm over tokens
 * (words, runs of spaces, single punctuation marks), so an edit of one word in a long email shows as one word, and
 * Indic words are kept whole (vowel signs and viramas are marks, so they stay inside their word).
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

const TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*|\s+|[^\p{L}\p{M}\p{N}_\s]/gu;

export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Past this many differing tokens the diff stops looking for the shortest script and reports the middle as replaced:
 * history of a 20,000-character script stays instant, and the result is still correct, only less fine-grained.
 */
const MAX_EDIT_DISTANCE = 1_000;

export function diffWords(before: string, after: string): DiffPart[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start));
  for (const [op, tokens] of myers(a.slice(start, endA), b.slice(start, endB))) push(parts, op, tokens);
  push(parts, 'equal', a.slice(endA));
  return parts;
}

function push(parts: DiffPart[], op: DiffOp, tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const text = tokens.join('');
  const last = parts[parts.length - 1];
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Shortest edit script as runs of [op, tokens]; deletions come before insertions within a change. */
function myers(a: readonly string[], b: readonly string[]): Array<[DiffOp, string[]]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0) return [['insert', [...b]]];
  if (m === 0) return [['delete', [...a]]];
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found === -1; d++) {
    // Only diagonals -d-1..d+1 can be read when walking back from round d: keep just those (memory grows as d²).
    trace.push(frontier.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!)
          ? frontier[offset + k + 1]!
          : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found === -1) return [['delete', [...a]], ['insert', [...b]]];

  // Walk back through the saved frontiers to recover the path.
  const steps: Array<[DiffOp, string]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = trace[d]!;
    const at = (diagonal: number) => previous[diagonal + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) steps.push(['equal', a[--x]!]), y--;
    if (down) steps.push(['insert', b[--y]!]);
    else steps.push(['delete', a[--x]!]);
  }
  while (x > 0 && y > 0) steps.push(['equal', a[--x]!]), y--;
  steps.reverse();

  const runs: Array<[DiffOp, string[]]> = [];
  for (const [op, token] of steps) {
    const last = runs[runs.length - 1];
    if (last && last[0] === op) last[1].push(token);
    else runs.push([op, [token]]);
  }
  return orderDeletesFirst(absorbLoneSpaces(runs));
}

/**
 * A single space kept between two changed words splits one edit into two ("~~a~~ **x** ~~b~~ **y**"); reading it as
 * part of the change gives "~~a b~~ **x y**", which is how a person describes the edit.
 */
function absorbLoneSpaces(runs: Array<[DiffOp, string[]]>): Array<[DiffOp, string[]]> {
  const out: Array<[DiffOp, string[]]> = [];
  runs.forEach((run, i) => {
    const [op, tokens] = run;
    const between = i > 0 && i < runs.length - 1;
    if (op === 'equal' && between && tokens.every((t) => /^\s+$/.test(t))) {
      out.push(['delete', tokens], ['insert', [...tokens]]);
    } else {
      out.push(run);
    }
  });
  return out;
}

/** Within a run of changes, show what was removed before what replaced it ("~~late~~ **early**"). */
function orderDeletesFirst(runs: Array<[DiffOp, string[]]>): Array<[DiffOp, string[]]> {
  const out: Array<[DiffOp, string[]]> = [];
  let deletes: string[] = [];
  let inserts: string[] = [];
  const flush = () => {
    if (deletes.length) out.push(['delete', deletes]);
    if (inserts.length) out.push(['insert', inserts]);
    deletes = [];
    inserts = [];
  };
  for (const [op, tokens] of runs) {
    if (op === 'equal') {
      flush();
      out.push([op, tokens]);
    } else if (op === 'delete') deletes.push(...tokens);
    else inserts.push(...tokens);
  }
  flush();
  return out;
}

/** The text on one side of a diff: `before` keeps equal and deleted parts, `after` equal and inserted ones. */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete';
  return parts.filter((p) => p.op !== skip).map((p) => p.text).join('');
}

/** How many words were added and removed, for the one-line summary of a version. */
export function diffStats(parts: readonly DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => wordTokens(text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.op === 'insert') added += words(part.text);
    if (part.op === 'delete') removed += words(part.text);
  }
  return { added, removed };
}
