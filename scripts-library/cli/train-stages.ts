/**
 * Trains and checks the stage detector's learned layer (`scripts-library/stage/learned.ts`).
 *
 *   npx tsx scripts-library/cli/train-stages.ts [FILES…] [--cv K] [--lolo] [--write] [--train A,B --test C,D]
 *
 * FILES default to the development corpus: `tests/stage-corpus/dev/dev-*.jsonl` and `dev2-*.jsonl`. Held-out
 * files are refused: they measure the detector, they never train it.
 *
 * - `--cv K`: K-fold cross-validation by conversation (folds fixed by a hash of the id, so runs repeat exactly),
 *   rules alone against rules + learned layer; prints overall, per-language and per-stage figures.
 * - `--lolo`: leave-one-language-out: train on seven language variants, test on the eighth.
 * - `--train GLOBS --test GLOBS`: train on some files and test on others (e.g. dev → dev2).
 * - `--write`: train on all FILES and write `scripts-library/stage/model.ts`.
 *
 * Training is deterministic: multinomial logistic regression with L2, full-batch Adam from zero weights. Features
 * come from running the tracker itself, first along the rules' own decisions and then along the model's (so the
 * model learns from the contexts it will create at run time, not only from ideal ones).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { STAGES, type Stage } from '../schemas';
import { featureName, loadModel, type Features, type StageModel, type StageModelTable } from '../stage/learned';
import { ConversationTracker } from '../stage/tracker';
import type { Turn } from '../stage/types';

export interface LabelledTurn extends Turn {
  stage: Stage;
}
export interface Conversation {
  id: string;
  lang: string;
  group: string;
  turns: LabelledTurn[];
}

const CORPUS_DIR = 'tests/stage-corpus/dev';

export function loadFiles(files: readonly string[]): Conversation[] {
  const out: Conversation[] = [];
  for (const file of files) {
    if (/heldout/i.test(basename(file))) throw new Error(`${file}: held-out files never train or tune the detector`);
    const group = basename(file).replace(/^dev2?-/, '').replace(/\.jsonl$/, '');
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (!line.trim()) return;
        let obj: { id: string; lang?: string; turns: { speaker: Turn['speaker']; text: string; at?: string; stage?: Stage | null }[] };
        try {
          obj = JSON.parse(line);
        } catch {
          process.stderr.write(`${file}:${i + 1}: broken JSON, skipped\n`);
          return;
        }
        if (!Array.isArray(obj.turns) || obj.turns.some((t) => !t.stage)) return;
        out.push({
          id: obj.id,
          lang: obj.lang ?? group,
          group,
          turns: obj.turns.map((t) => ({ speaker: t.speaker, text: t.text, at: t.at ?? null, stage: t.stage as Stage })),
        });
      });
  }
  return out;
}

function defaultFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /^dev2?-.*\.jsonl$/.test(f))
    .sort()
    .map((f) => join(CORPUS_DIR, f));
}

function expand(spec: string): string[] {
  const all = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl') && !/heldout/.test(f));
  const out: string[] = [];
  for (const part of spec.split(',')) {
    const re = new RegExp(`^${part.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    for (const f of all) if (re.test(f) || re.test(join(CORPUS_DIR, f))) out.push(join(CORPUS_DIR, f));
  }
  return [...new Set(out)].sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Running the tracker

export interface Sample {
  features: Features;
  label: number;
  weight: number;
}

function run(conversations: readonly Conversation[], model: StageModel | null, collect: Sample[] | null): { gold: Stage; predicted: Stage; group: string; speaker: Turn['speaker'] }[] {
  const results: { gold: Stage; predicted: Stage; group: string; speaker: Turn['speaker'] }[] = [];
  for (const c of conversations) {
    const log: Features[] = [];
    const tracker = new ConversationTracker({ langHint: c.lang, model, featureLog: log });
    for (let i = 0; i < c.turns.length; i++) tracker.update(c.turns.slice(0, i + 1));
    c.turns.forEach((t, i) => {
      const tag = tracker.tags[i];
      if (!tag) return;
      results.push({ gold: t.stage, predicted: tag.stage, group: c.group, speaker: t.speaker });
      const f = log[i];
      if (collect && f) collect.push({ features: f, label: STAGES.indexOf(t.stage), weight: 1 });
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// Logistic regression

export interface TrainOptions {
  l2: number;
  iterations: number;
  balanced: boolean;
}

export const DEFAULTS: TrainOptions = { l2: 0.002, iterations: 400, balanced: true };

export function train(samples: readonly Sample[], options: TrainOptions): StageModelTable {
  const C = STAGES.length;
  let F = 0;
  for (const s of samples) for (const id of s.features.ids) F = Math.max(F, id + 1);
  const W = new Float64Array(F * C);
  const b = new Float64Array(C);
  const mW = new Float64Array(F * C);
  const vW = new Float64Array(F * C);
  const mB = new Float64Array(C);
  const vB = new Float64Array(C);
  const gW = new Float64Array(F * C);
  const gB = new Float64Array(C);
  const used = new Uint8Array(F);
  for (const s of samples) for (const id of s.features.ids) used[id] = 1;

  // Class weights: every stage counts as much in total, as macro-F1 does.
  const counts = new Float64Array(C);
  for (const s of samples) counts[s.label] = (counts[s.label] ?? 0) + 1;
  const classWeight = new Float64Array(C).fill(1);
  if (options.balanced) {
    for (let c = 0; c < C; c++) classWeight[c] = counts[c] ? samples.length / (C * (counts[c] as number)) : 0;
    // Soften: full balancing overshoots for the rarest stages.
    for (let c = 0; c < C; c++) classWeight[c] = Math.sqrt(classWeight[c] as number);
  }
  let totalWeight = 0;
  for (const s of samples) totalWeight += s.weight * (classWeight[s.label] as number);

  const logits = new Float64Array(C);
  const lr = 0.05;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let it = 1; it <= options.iterations; it++) {
    gW.fill(0);
    gB.fill(0);
    for (const s of samples) {
      logits.set(b);
      const { ids, values } = s.features;
      for (let j = 0; j < ids.length; j++) {
        const base = (ids[j] as number) * C;
        const v = values[j] as number;
        for (let c = 0; c < C; c++) logits[c] = (logits[c] as number) + v * (W[base + c] as number);
      }
      let max = Number.NEGATIVE_INFINITY;
      for (const v of logits) max = Math.max(max, v);
      let sum = 0;
      for (let c = 0; c < C; c++) {
        logits[c] = Math.exp((logits[c] as number) - max);
        sum += logits[c] as number;
      }
      const w = (s.weight * (classWeight[s.label] as number)) / totalWeight;
      for (let c = 0; c < C; c++) {
        const err = ((logits[c] as number) / sum - (c === s.label ? 1 : 0)) * w;
        gB[c] = (gB[c] as number) + err;
        for (let j = 0; j < ids.length; j++) {
          const k = (ids[j] as number) * C + c;
          gW[k] = (gW[k] as number) + err * (values[j] as number);
        }
      }
    }
    const corr1 = 1 - beta1 ** it;
    const corr2 = 1 - beta2 ** it;
    for (let k = 0; k < W.length; k++) {
      if (!used[Math.floor(k / C)]) continue;
      const g = (gW[k] as number) + options.l2 * (W[k] as number);
      mW[k] = beta1 * (mW[k] as number) + (1 - beta1) * g;
      vW[k] = beta2 * (vW[k] as number) + (1 - beta2) * g * g;
      W[k] = (W[k] as number) - (lr * ((mW[k] as number) / corr1)) / (Math.sqrt((vW[k] as number) / corr2) + 1e-8);
    }
    for (let c = 0; c < C; c++) {
      const g = gB[c] as number;
      mB[c] = beta1 * (mB[c] as number) + (1 - beta1) * g;
      vB[c] = beta2 * (vB[c] as number) + (1 - beta2) * g * g;
      b[c] = (b[c] as number) - (lr * ((mB[c] as number) / corr1)) / (Math.sqrt((vB[c] as number) / corr2) + 1e-8);
    }
  }

  const weights: Record<string, number[]> = {};
  for (let f = 0; f < F; f++) {
    if (!used[f]) continue;
    const row = Array.from(W.subarray(f * C, f * C + C), (x) => Math.round(x * 1000) / 1000);
    if (row.some((x) => x !== 0)) weights[featureName(f)] = row;
  }
  return { classes: [...STAGES], bias: Array.from(b, (x) => Math.round(x * 1000) / 1000), weights };
}

/** Rules first, then rounds along the model's own decisions; samples from every round are kept (DAgger-style). */
export function fit(conversations: readonly Conversation[], options: TrainOptions, rounds = 2): StageModelTable {
  const samples: Sample[] = [];
  run(conversations, null, samples);
  let table = train(samples, options);
  for (let r = 1; r < rounds; r++) {
    run(conversations, loadModel(table), samples);
    table = train(samples, options);
  }
  return table;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

type Result = { gold: Stage; predicted: Stage; group: string; speaker: Turn['speaker'] };

function f1s(results: readonly Result[]): { macroF1: number; accuracy: number; perStage: Record<string, number> } {
  const perStage: Record<string, number> = {};
  let sum = 0;
  let n = 0;
  for (const stage of STAGES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of results) {
      if (r.predicted === stage && r.gold === stage) tp++;
      else if (r.predicted === stage) fp++;
      else if (r.gold === stage) fn++;
    }
    if (tp + fp + fn === 0) continue;
    const p = tp + fp ? tp / (tp + fp) : 0;
    const rec = tp + fn ? tp / (tp + fn) : 0;
    const f = p + rec ? (2 * p * rec) / (p + rec) : 0;
    perStage[stage] = r3(f);
    sum += f;
    n++;
  }
  const correct = results.filter((r) => r.gold === r.predicted).length;
  return { macroF1: r3(n ? sum / n : 0), accuracy: r3(results.length ? correct / results.length : 0), perStage };
}

function recoveryPR(results: readonly Result[]): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of results) {
    if (r.speaker !== 'customer') continue;
    if (r.predicted === 'recovery' && r.gold === 'recovery') tp++;
    else if (r.predicted === 'recovery') fp++;
    else if (r.gold === 'recovery') fn++;
  }
  return { precision: r3(tp + fp ? tp / (tp + fp) : 0), recall: r3(tp + fn ? tp / (tp + fn) : 0) };
}

function report(name: string, results: readonly Result[]): Record<string, unknown> {
  const overall = f1s(results);
  const perLanguage: Record<string, number> = {};
  for (const g of [...new Set(results.map((r) => r.group))].sort()) perLanguage[g] = f1s(results.filter((r) => r.group === g)).macroF1;
  return { name, turns: results.length, ...overall, perLanguage, recoveryCustomer: recoveryPR(results) };
}

function r3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------

function main(argv: readonly string[]): void {
  const flag = (name: string): string | null => {
    const i = argv.indexOf(name);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  const options: TrainOptions = {
    l2: Number(flag('--l2') ?? DEFAULTS.l2),
    iterations: Number(flag('--iterations') ?? DEFAULTS.iterations),
    balanced: !argv.includes('--unbalanced'),
  };
  const rounds = Number(flag('--rounds') ?? 2);
  const valueFlags = new Set(['--cv', '--l2', '--iterations', '--rounds', '--train', '--test']);
  const positional = argv.filter((a, i) => !a.startsWith('--') && !valueFlags.has(argv[i - 1] ?? ''));
  const files = positional.length ? positional : defaultFiles();
  const print = (x: unknown): void => void process.stdout.write(JSON.stringify(x) + '\n');

  const trainSpec = flag('--train');
  const testSpec = flag('--test');
  if (trainSpec && testSpec) {
    const trainSet = loadFiles(expand(trainSpec));
    const testSet = loadFiles(expand(testSpec));
    print(report('rules', run(testSet, null, null)));
    print(report('rules+learned', run(testSet, loadModel(fit(trainSet, options, rounds)), null)));
    return;
  }

  const conversations = loadFiles(files);
  const cv = flag('--cv');
  if (cv || argv.includes('--lolo')) {
    const folds: Conversation[][] = [];
    if (cv) {
      const k = Number(cv);
      for (let i = 0; i < k; i++) folds.push([]);
      for (const c of conversations) folds[hash(c.id) % k]?.push(c);
    } else {
      const groups = [...new Set(conversations.map((c) => c.group))].sort();
      for (const g of groups) folds.push(conversations.filter((c) => c.group === g));
    }
    const rules: Result[] = [];
    const learned: Result[] = [];
    folds.forEach((test) => {
      const trainSet = conversations.filter((c) => !test.includes(c));
      rules.push(...run(test, null, null));
      learned.push(...run(test, loadModel(fit(trainSet, options, rounds)), null));
    });
    print(report(`rules (${cv ? `${cv}-fold` : 'leave-language-out'})`, rules));
    print(report(`rules+learned (${cv ? `${cv}-fold` : 'leave-language-out'})`, learned));
    return;
  }

  if (argv.includes('--write')) {
    const table = fit(conversations, options, rounds);
    const body = JSON.stringify(table, null, 0).replace(/\],"/g, '],\n    "');
    writeFileSync(
      'scripts-library/stage/model.ts',
      `// Generated by \`npx tsx scripts-library/cli/train-stages.ts --write\` from ${files.map((f) => basename(f)).join(', ')}\n` +
        `// (${conversations.length} conversations; l2 ${options.l2}, ${options.iterations} iterations, ${rounds} rounds). Do not edit by hand.\n` +
        `import type { StageModelTable } from './learned';\n\nexport const STAGE_MODEL_TABLE: StageModelTable | null = ${body};\n`,
    );
    print({ wrote: 'scripts-library/stage/model.ts', features: Object.keys(table.weights).length });
    print(report('training set (optimistic)', run(conversations, loadModel(table), null)));
    return;
  }
  print(report('rules', run(conversations, null, null)));
}

// Run only when executed as the command line, not when a test imports the training functions.
if (/train-stages\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) main(process.argv.slice(2));
