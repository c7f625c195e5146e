import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, insertsCsv } from '@/components/insights/csv';
import { localDay, summariseInserts } from '@/components/insights/summary';
import type { InsertEvent } from '@/storage/database';

const DAY = 86_400_000;
const now = new Date(2026, 10, 20, 15, 0).getTime();

function event(seq: number, fields: Partial<InsertEvent> = {}): InsertEvent {
  return {
    seq,
    at: now - seq * 1000,
    scriptId: 'default.recovery.sincere-apology.en',
    stage: 'recovery',
    kind: 'apology',
    lang: 'en',
    site: 'zendesk',
    conversation: 'c1',
    method: 'inserted',
    turnsAtInsert: 3,
    textHash: 1,
    textLength: 10,
    sentAt: null,
    sentTurn: null,
    edited: null,
    nextDissatisfaction: null,
    ...fields,
  };
}

describe('what worked: the dashboard’s figures', () => {
  const events = [
    event(1, { sentTurn: 4, sentAt: now, edited: false, nextDissatisfaction: 0.1 }),
    event(2, { sentTurn: 4, sentAt: now, edited: true, nextDissatisfaction: 0.5 }),
    event(3, { scriptId: 'a.empathy', kind: 'empathy', sentTurn: 2, sentAt: now, edited: true, nextDissatisfaction: 0.9 }),
    event(4, { scriptId: 'g.hello', stage: 'greeting', kind: 'greeting', at: now - 2 * DAY }),
    event(5, { scriptId: 'g.hello', stage: 'greeting', kind: 'greeting', at: now - 40 * DAY }),
  ];

  it('counts per stage and per day, every day of the period shown', () => {
    const s = summariseInserts(events, now - 7 * DAY, now);
    expect(s.total).toBe(4);
    expect(s.sent).toBe(3);
    expect(s.perStage.recovery).toBe(3);
    expect(s.perStage.greeting).toBe(1);
    expect(s.perStage.closing).toBe(0);
    expect(s.perDay.map((d) => d.day)).toEqual([localDay(now - 2 * DAY), localDay(now - DAY), localDay(now)]);
    expect(s.perDay.map((d) => d.count)).toEqual([1, 0, 3]);
    // The whole history.
    expect(summariseInserts(events, 0, now).total).toBe(5);
  });

  it('ranks scripts by use, by how often they were edited, and apologies by the mood that followed', () => {
    const s = summariseInserts(events, 0, now);
    expect(s.topScripts[0]).toEqual({ scriptId: 'default.recovery.sincere-apology.en', count: 2 });
    expect(s.editedMost).toEqual([
      { scriptId: 'a.empathy', sent: 1, edited: 1, rate: 1 },
      { scriptId: 'default.recovery.sincere-apology.en', sent: 2, edited: 1, rate: 0.5 },
    ]);
    expect(s.moodAfterApology.map((m) => m.scriptId)).toEqual(['default.recovery.sincere-apology.en', 'a.empathy']);
    expect(s.moodAfterApology[0]!.meanDissatisfaction).toBeCloseTo(0.3);
    expect(s.apologyMood!.answered).toBe(3);
    expect(s.apologyMood!.meanDissatisfaction).toBeCloseTo(0.5);
  });

  it('exports one CSV line per insert, oldest first, quoted safely, with no customer text', () => {
    const csv = insertsCsv(events, (id) => (id === 'a.empathy' ? '=HYPERLINK("x"), "quoted"' : undefined));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(6);
    expect(lines[1]!.startsWith(new Date(now - 40 * DAY).toISOString())).toBe(true);
    // A title that looks like a formula is defused, and quotes are doubled.
    const empathy = lines.find((l) => l.includes('a.empathy'))!;
    expect(empathy).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    const apology = lines.at(-1)!.split(',');
    expect(apology.slice(3)).toEqual(['recovery', 'apology', 'en', 'zendesk', 'inserted', 'true', 'false', '0.1']);
    const unsent = lines[1]!.split(',');
    expect(unsent.slice(8)).toEqual(['false', '', '']);
  });
});
