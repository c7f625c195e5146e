/**
 * `npm run -s stages -- FILE.jsonl [FILE2.jsonl …] [--score]`
 *
 * Reads conversations, one JSON object a line (design.md, "Stage command line"), and prints one JSON line per turn:
 * {"id", "turn", "stage", "lang", "confidence"}. The prediction for turn i uses turns 0..i only. With --score it
 * prints, instead of the lines, a JSON summary against the `stage` labels present: accuracy, macro-F1, per-stage and
 * per-language figures, and precision/recall of `recovery` on customer turns.
 *
 * A bad line (broken JSON, missing or wrong fields) is reported on stderr with its file and line number, and the
 * other lines are still processed; the exit code is 1 if any line was bad, else 0. `-` reads standard input.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { STAGES, describeIssues, type Language, type Stage } from '../schemas';
import { parseLanguageHint } from '../language/detect';
import { ConversationTracker } from '../stage/tracker';
import type { Turn } from '../stage/types';

interface InputTurn extends Turn {
  stage: Stage | null;
}

interface Conversation {
  id: string;
  lang: string | null;
  turns: InputTurn[];
}

/**
 * One input line, parsed at the command line's trust boundary. Fields not named here are ignored (zod drops them);
 * `lang` is a hint in any BCP-47 form.
 */
const CorpusTurn = z.object({
  speaker: z.enum(['customer', 'agent'], { error: 'must be "customer" or "agent"' }),
  text: z.string({ error: 'must be a string' }),
  at: z
    .string({ error: 'must be an ISO-8601 time' })
    .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO-8601 time')
    .nullish(),
  stage: z.enum(STAGES, { error: `must be one of ${STAGES.join(', ')} or null` }).nullish(),
});
const CorpusLine = z.object({
  id: z.string({ error: '"id" must be a non-empty string' }).min(1, '"id" must be a non-empty string'),
  lang: z.string({ error: '"lang" must be a string when present' }).nullish(),
  turns: z.array(CorpusTurn, { error: '"turns" must be an array' }),
});

/** Returns the conversation or a list of problems, each naming the field. */
export function validateLine(value: unknown): Conversation | string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['expected a JSON object'];
  const parsed = CorpusLine.safeParse(value);
  if (!parsed.success) {
    // Top-level messages already name their field; nested ones get their path ("turns[0].speaker: …").
    return parsed.error.issues.map((issue) =>
      issue.path.length <= 1 ? issue.message : describeIssues(new z.ZodError([issue]))[0]!,
    );
  }
  const { id, lang, turns } = parsed.data;
  return {
    id,
    lang: lang ?? null,
    turns: turns.map((turn) => ({ speaker: turn.speaker, text: turn.text, at: turn.at ?? null, stage: turn.stage ?? null })),
  };
}

interface Prediction {
  id: string;
  turn: number;
  stage: Stage;
  lang: Language;
  confidence: number;
}

interface Scored {
  gold: Stage;
  predicted: Stage;
  group: string;
  speaker: Turn['speaker'];
}

function f1Table(pairs: readonly Scored[]): {
  turns: number;
  accuracy: number;
  macroF1: number;
  perStage: Record<string, { precision: number; recall: number; f1: number; support: number }>;
} {
  const perStage: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  let correct = 0;
  for (const p of pairs) if (p.gold === p.predicted) correct++;
  const labels = STAGES.filter((s) => pairs.some((p) => p.gold === s || p.predicted === s));
  let f1Sum = 0;
  for (const stage of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of pairs) {
      if (p.predicted === stage && p.gold === stage) tp++;
      else if (p.predicted === stage) fp++;
      else if (p.gold === stage) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perStage[stage] = { precision: r3(precision), recall: r3(recall), f1: r3(f1), support: tp + fn };
    f1Sum += f1;
  }
  return {
    turns: pairs.length,
    accuracy: r3(pairs.length ? correct / pairs.length : 0),
    macroF1: r3(labels.length ? f1Sum / labels.length : 0),
    perStage,
  };
}

function r3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Groups scores by the line's language tag (family and script as the corpus names files), else the detected language. */
function groupFor(hint: string | null, detected: Language): string {
  const parsed = parseLanguageHint(hint);
  if (!parsed) return detected;
  if (parsed.base === 'en' || parsed.base === 'es') return parsed.base;
  if (parsed.latin === true) return `${parsed.base}-Latn`;
  if (parsed.latin === false) return parsed.base;
  return detected.startsWith(parsed.base) ? detected : parsed.base;
}

export function run(argv: readonly string[], readText: (file: string) => string, out: (line: string) => void, err: (line: string) => void): number {
  const score = argv.includes('--score');
  const files = argv.filter((a) => !a.startsWith('--') || a === '-');
  if (files.length === 0) {
    err('usage: npm run -s stages -- FILE.jsonl [more.jsonl …] [--score]');
    return 2;
  }
  let bad = 0;
  const scored: Scored[] = [];
  for (const file of files) {
    let content: string;
    try {
      content = readText(file);
    } catch (e) {
      err(`${file}: cannot read: ${(e as Error).message}`);
      bad++;
      continue;
    }
    const lines = content.split(/\r?\n/);
    lines.forEach((line, index) => {
      const lineNo = index + 1;
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (e) {
        err(`${file}:${lineNo}: broken JSON: ${(e as Error).message}`);
        bad++;
        return;
      }
      const conversation = validateLine(parsed);
      if (Array.isArray(conversation)) {
        const id = typeof (parsed as { id?: unknown })?.id === 'string' ? ` (id ${(parsed as { id: string }).id})` : '';
        err(`${file}:${lineNo}${id}: ${conversation.join('; ')}`);
        bad++;
        return;
      }
      const tracker = new ConversationTracker(conversation.lang ? { langHint: conversation.lang } : undefined);
      // Feeding the turns one at a time is how the side panel sees them, and guarantees turn i uses 0..i only.
      const predictions: Prediction[] = [];
      for (let i = 0; i < conversation.turns.length; i++) {
        tracker.update(conversation.turns.slice(0, i + 1));
        const tag = tracker.tags[i];
        if (!tag) continue;
        predictions.push({ id: conversation.id, turn: i, stage: tag.stage, lang: tag.lang, confidence: tag.confidence });
      }
      if (!score) {
        for (const p of predictions) out(JSON.stringify(p));
        return;
      }
      const group = groupFor(conversation.lang, tracker.language);
      conversation.turns.forEach((t, i) => {
        const p = predictions[i];
        if (t.stage && p) scored.push({ gold: t.stage, predicted: p.stage, group, speaker: t.speaker });
      });
    });
  }

  if (score) {
    const overall = f1Table(scored);
    const groups = [...new Set(scored.map((s) => s.group))].sort();
    const perLanguage: Record<string, { turns: number; accuracy: number; macroF1: number }> = {};
    for (const g of groups) {
      const t = f1Table(scored.filter((s) => s.group === g));
      perLanguage[g] = { turns: t.turns, accuracy: t.accuracy, macroF1: t.macroF1 };
    }
    const customer = scored.filter((s) => s.speaker === 'customer');
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of customer) {
      if (s.predicted === 'recovery' && s.gold === 'recovery') tp++;
      else if (s.predicted === 'recovery') fp++;
      else if (s.gold === 'recovery') fn++;
    }
    const confusion: Record<string, Record<string, number>> = {};
    for (const s of scored) {
      const row = (confusion[s.gold] ??= {});
      row[s.predicted] = (row[s.predicted] ?? 0) + 1;
    }
    out(
      JSON.stringify(
        {
          turns: overall.turns,
          accuracy: overall.accuracy,
          macroF1: overall.macroF1,
          perStage: overall.perStage,
          perLanguage,
          recoveryOnCustomerTurns: {
            precision: r3(tp + fp ? tp / (tp + fp) : 0),
            recall: r3(tp + fn ? tp / (tp + fn) : 0),
            support: tp + fn,
          },
          confusion,
          badLines: bad,
        },
        null,
        2,
      ),
    );
  }
  return bad > 0 ? 1 : 0;
}

// Run only when executed as the command line, not when a test imports `run`/`validateLine`.
const invokedDirectly = typeof process !== 'undefined' && /stages\.[cm]?[jt]s$/.test(process.argv[1] ?? '');
if (invokedDirectly) {
  const code = run(
    process.argv.slice(2),
    (file) => readFileSync(file === '-' ? 0 : file, 'utf8'),
    (line) => process.stdout.write(line + '\n'),
    (line) => process.stderr.write(line + '\n'),
  );
  process.exitCode = code;
}
