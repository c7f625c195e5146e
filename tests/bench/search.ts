import Fuse from 'fuse.js';
import { defaultPack } from '../../scripts-library/default-pack';
import type { Script } from '../../scripts-library/schemas';
import { ScriptSearchIndex } from '../../scripts-library/search';
import { round, summarise } from './measure';

/**
 * Library search, keystroke by keystroke, over 20,000 scripts in all the pack's languages: our index against
 * Fuse.js (the usual choice for client-side fuzzy search), same corpus, same queries, same run. Also counts, per
 * finished query, whether the script it was aimed at is in the first ten results, so speed is not bought with misses.
 */

export const BENCH_LIBRARY_SIZE = 20_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run searches the same library. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A library of `size` scripts grown from the default pack: each is a pack script with words from other scripts of
 * its language mixed in, an order-like number and a topic word, so the vocabulary is as wide as a real team's.
 */
export function syntheticLibrary(size = BENCH_LIBRARY_SIZE, seed = 7): Script[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const wordsByLang = new Map<string, string[]>();
  for (const s of defaultPack.scripts) {
    const words = s.text.replace(/\{\{[^}]*\}\}/g, ' ').split(/[\s,.!?।:;]+/).filter((w) => w.length > 1);
    wordsByLang.set(s.lang, [...(wordsByLang.get(s.lang) ?? []), ...words]);
  }
  const syllables: Record<string, string[]> = {
    latin: ['ka', 'ro', 'mi', 'tel', 'an', 'dor', 'vi', 'su', 'ple', 'gra', 'no', 'zen'],
    hi: ['क', 'रा', 'मि', 'तो', 'ल', 'न', 'सु', 'दे', 'गा', 'पी'],
    ta: ['க', 'ரா', 'மி', 'தோ', 'ல', 'ன', 'சு', 'டே', 'கா', 'பி'],
    te: ['క', 'రా', 'మి', 'తో', 'ల', 'న', 'సు', 'డే', 'గా', 'పి'],
  };
  const topicFor = (lang: string) => {
    const set = syllables[lang.slice(0, 2)] ?? syllables.latin!;
    return Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(set)).join('');
  };
  const scripts: Script[] = [];
  for (let i = 0; i < size; i++) {
    const base = defaultPack.scripts[i % defaultPack.scripts.length]!;
    const words = wordsByLang.get(base.lang) ?? [];
    const extra = Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(words)).join(' ');
    const topic = topicFor(base.lang);
    scripts.push({
      ...base,
      id: `bench.${i}.${base.lang}`,
      title: `${base.title} ${topic}`,
      text: `${base.text} ${extra} AC-${10_000 + Math.floor(next() * 90_000)}`,
      tags: [...base.tags, topic],
      packId: i % 3 === 0 ? 'team' : null,
      version: 1,
      editedLocally: false,
      createdAt: 0,
      updatedAt: 0,
    });
  }
  return scripts;
}

/** What a trainer types, with the script word it is aimed at (typos included on purpose). */
export const BENCH_QUERIES: Array<{ lang: string; typed: string; target: string }> = [
  { lang: 'en', typed: 'refund issued', target: 'refund' },
  { lang: 'en', typed: 'delivry adress', target: 'delivery' },
  { lang: 'en', typed: 'frustation', target: 'frustrat' },
  { lang: 'hi', typed: 'धन्यवाद', target: 'धन्यवाद' },
  { lang: 'hi', typed: 'रिफंड', target: 'रिफ़ंड' },
  { lang: 'hi', typed: 'इंतजार', target: 'इंतज़ार' },
  { lang: 'ta', typed: 'மன்னிக்கவும்', target: 'மன்னிக்கவும்' },
  { lang: 'ta', typed: 'டெலிவர', target: 'டெலிவரி' },
  { lang: 'ta', typed: 'நன்றி பொறுமை', target: 'பொறுமை' },
  { lang: 'te', typed: 'ధన్యవాదాలు', target: 'ధన్యవాదాలు' },
  { lang: 'te', typed: 'క్షమించడి', target: 'క్షమించండి' },
  { lang: 'te', typed: 'డెలివరీ', target: 'డెలివరీ' },
];

/** Every prefix of the query, one per keystroke (code point by code point, as an Indic keyboard sends them). */
export function keystrokes(typed: string): string[] {
  const points = [...typed];
  return points.map((_, i) => points.slice(0, i + 1).join(''));
}

export async function benchSearch(): Promise<Record<string, unknown>> {
  const library = syntheticLibrary();
  const buildStart = performance.now();
  const index = new ScriptSearchIndex(library.map((s) => ({ ...s, keywords: `${s.stage} ${s.kind}` })));
  index.search('warm up');
  const buildMs = performance.now() - buildStart;

  const fuseStart = performance.now();
  // Fuse.js as a library page would usually set it up: weighted keys, words anywhere in the text.
  const fuse = new Fuse(library, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'tags', weight: 2 },
      { name: 'text', weight: 1 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
  });
  fuse.search('warm up');
  const fuseBuildMs = performance.now() - fuseStart;

  const byId = new Map(library.map((s) => [s.id, s]));
  const aimedAt = (ids: readonly string[], target: string) =>
    ids.slice(0, 10).some((id) => {
      const s = byId.get(id);
      return !!s && (s.text.includes(target) || s.title.includes(target));
    });

  const ours: number[] = [];
  const perLanguage: Record<string, { ours: number[]; fuse: number[] }> = {};
  let oursFound = 0;
  let fuseFound = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const query of BENCH_QUERIES) {
      const lang = (perLanguage[query.lang] ??= { ours: [], fuse: [] });
      for (const prefix of keystrokes(query.typed)) {
        const start = performance.now();
        index.search(prefix, { limit: 200 });
        const elapsed = performance.now() - start;
        ours.push(elapsed);
        lang.ours.push(elapsed);
      }
      if (pass === 0) oursFound += aimedAt(index.search(query.typed, { limit: 10 })?.ids ?? [], query.target) ? 1 : 0;
    }
  }

  // Fuse.js needs about a second per keystroke here, so it is timed on three keystrokes of each query (the first,
  // the middle and the last), and the speed-up compares both on exactly those keystrokes.
  const oursSampled: number[] = [];
  const theirs: number[] = [];
  for (const query of BENCH_QUERIES) {
    const typed = keystrokes(query.typed);
    const sampled = [...new Set([typed[0]!, typed[Math.floor(typed.length / 2)]!, typed[typed.length - 1]!])];
    for (const prefix of sampled) {
      const start = performance.now();
      fuse.search(prefix, { limit: 200 });
      const elapsed = performance.now() - start;
      theirs.push(elapsed);
      perLanguage[query.lang]!.fuse.push(elapsed);
      for (let i = 0; i < 3; i++) {
        const ourStart = performance.now();
        index.search(prefix, { limit: 200 });
        oursSampled.push(performance.now() - ourStart);
      }
    }
    fuseFound += aimedAt(fuse.search(query.typed, { limit: 10 }).map((r) => r.item.id), query.target) ? 1 : 0;
  }

  const oursSummary = summarise(ours);
  const oursOnSample = summarise(oursSampled);
  const fuseSummary = summarise(theirs);
  return {
    librarySize: library.length,
    languages: [...new Set(library.map((s) => s.lang))],
    queries: BENCH_QUERIES.length,
    keystrokes: ours.length / 3,
    buildMs: round(buildMs, 1),
    perKeystroke: { ...oursSummary, maxMs: round(Math.max(...ours)) },
    targetFoundInTop10: `${oursFound}/${BENCH_QUERIES.length}`,
    baseline: {
      name: 'Fuse.js 7 (keys title×3, tags×2, text×1; threshold 0.4; ignoreLocation)',
      buildMs: round(fuseBuildMs, 1),
      keystrokesTimed: theirs.length,
      perKeystroke: { ...fuseSummary, maxMs: round(Math.max(...theirs)) },
      oursOnTheSameKeystrokes: oursOnSample,
      targetFoundInTop10: `${fuseFound}/${BENCH_QUERIES.length}`,
    },
    speedupMedian: round(fuseSummary.medianMs / oursOnSample.medianMs, 1),
    speedupP95: round(fuseSummary.p95Ms / oursOnSample.p95Ms, 1),
    perLanguageMedianMs: Object.fromEntries(
      Object.entries(perLanguage).map(([lang, t]) => [lang, { ours: summarise(t.ours).medianMs, fuse: summarise(t.fuse).medianMs }]),
    ),
    target: { perKeystrokeMs: 10, speedupAtLeast: 20 },
  };
}
