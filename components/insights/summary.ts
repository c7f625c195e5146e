import { STAGES, type Stage } from '@/scripts-library/schemas';
import type { InsertEvent } from '@/storage/database';

export interface ScriptCount {
  scriptId: string;
  count: number;
}

export interface EditedScript {
  scriptId: string;
  sent: number;
  edited: number;
  /** edited / sent */
  rate: number;
}

export interface MoodAfter {
  scriptId: string;
  /** Replies followed by a customer message. */
  answered: number;
  /** Mean dissatisfaction (0..1) of the customer's next message: lower is better. */
  meanDissatisfaction: number;
}

export interface InsertSummary {
  total: number;
  sent: number;
  perStage: Record<Stage, number>;
  /** Oldest day first, every day of the period (zero days included), local dates as YYYY-MM-DD. */
  perDay: Array<{ day: string; count: number }>;
  topScripts: ScriptCount[];
  editedMost: EditedScript[];
  /** Apology and empathy scripts, by the customer's mood after the reply that carried them. */
  moodAfterApology: MoodAfter[];
  /** All apology and empathy replies together. */
  apologyMood: { answered: number; meanDissatisfaction: number } | null;
}

const DAY_MS = 86_400_000;
const APOLOGY_KINDS = new Set(['apology', 'empathy']);

export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What the dashboard shows for inserts from `since` to `now`. Pure, so its arithmetic is tested without a browser. */
export function summariseInserts(events: readonly InsertEvent[], since: number, now: number, top = 8): InsertSummary {
  const inPeriod = events.filter((e) => e.at >= since && e.at <= now);
  const perStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const perDayMap = new Map<string, number>();
  const counts = new Map<string, number>();
  const edits = new Map<string, { sent: number; edited: number }>();
  const moods = new Map<string, { answered: number; sum: number }>();
  let sent = 0;
  for (const e of inPeriod) {
    perStage[e.stage] = (perStage[e.stage] ?? 0) + 1;
    perDayMap.set(localDay(e.at), (perDayMap.get(localDay(e.at)) ?? 0) + 1);
    counts.set(e.scriptId, (counts.get(e.scriptId) ?? 0) + 1);
    if (e.edited !== null) {
      sent++;
      const row = edits.get(e.scriptId) ?? { sent: 0, edited: 0 };
      row.sent++;
      if (e.edited) row.edited++;
      edits.set(e.scriptId, row);
    }
    if (APOLOGY_KINDS.has(e.kind) && e.nextDissatisfaction !== null) {
      const row = moods.get(e.scriptId) ?? { answered: 0, sum: 0 };
      row.answered++;
      row.sum += e.nextDissatisfaction;
      moods.set(e.scriptId, row);
    }
  }
  const firstDay = inPeriod.length ? Math.max(since, Math.min(...inPeriod.map((e) => e.at))) : now;
  const perDay: InsertSummary['perDay'] = [];
  for (let at = startOfDay(firstDay); at <= now; at += DAY_MS) {
    const day = localDay(at);
    if (perDay.at(-1)?.day !== day) perDay.push({ day, count: perDayMap.get(day) ?? 0 });
  }
  const byCount = (a: ScriptCount, b: ScriptCount) => b.count - a.count || a.scriptId.localeCompare(b.scriptId);
  const moodRows = [...moods].map(([scriptId, m]) => ({ scriptId, answered: m.answered, meanDissatisfaction: m.sum / m.answered }));
  const answered = moodRows.reduce((n, r) => n + r.answered, 0);
  return {
    total: inPeriod.length,
    sent,
    perStage,
    perDay,
    topScripts: [...counts].map(([scriptId, count]) => ({ scriptId, count })).sort(byCount).slice(0, top),
    editedMost: [...edits]
      .map(([scriptId, r]) => ({ scriptId, sent: r.sent, edited: r.edited, rate: r.edited / r.sent }))
      .filter((r) => r.edited > 0)
      .sort((a, b) => b.rate - a.rate || b.edited - a.edited || a.scriptId.localeCompare(b.scriptId))
      .slice(0, top),
    moodAfterApology: moodRows.sort((a, b) => a.meanDissatisfaction - b.meanDissatisfaction || b.answered - a.answered).slice(0, top),
    apologyMood: answered ? { answered, meanDissatisfaction: moodRows.reduce((s, r) => s + r.meanDissatisfaction * r.answered, 0) / answered } : null,
  };
}

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
