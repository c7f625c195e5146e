import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SCRIPT_KINDS, STAGES, type Script } from '@/scripts-library/schemas';
import { RankingIndex, type RankingMoment } from '@/scripts-library/ranking';
import { moment, script } from './helpers';

const WORDS = ['order', 'refund', 'delivery', 'password', 'sorry', 'parcel', 'ऑर्डर', 'रिफंड', 'ஆர்டர்', 'డెలివరీ', 'pedido', 'thanks', 'today', 'courier'];

const arbScript = (i: number) =>
  fc
    .record({
      stage: fc.constantFrom(...STAGES),
      kind: fc.constantFrom(...SCRIPT_KINDS),
      lang: fc.constantFrom(...LANGUAGES),
      channel: fc.constantFrom('any', 'chat', 'email', 'phone' as const),
      words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
      packId: fc.constantFrom('default', 'team', null),
    })
    .map((r): Script => script(`s${String(i).padStart(3, '0')}`, { stage: r.stage, kind: r.kind, lang: r.lang, channel: r.channel as Script['channel'], packId: r.packId, text: `Line ${r.words.join(' ')} ${i}` }));

const arbLibrary = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbScript(i))));

const arbMoment = fc.record({
  stage: fc.constantFrom(...STAGES),
  customerLanguage: fc.constantFrom(...LANGUAGES),
  agentLanguage: fc.constantFrom(null, ...LANGUAGES),
  channel: fc.constantFrom(null, 'chat', 'email', 'phone' as const),
  text: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
  nextHealStep: fc.constantFrom(null, 'hear', 'empathise', 'lead', 'provide' as const),
});

const arbSignals = (library: Script[]) =>
  fc.record({
    favourites: fc.subarray(library.map((s) => s.id)),
    used: fc.subarray(library.map((s) => s.id)),
    counts: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: library.length, maxLength: library.length }),
    ages: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: library.length, maxLength: library.length }),
  });

type MomentInput = typeof arbMoment extends fc.Arbitrary<infer T> ? T : never;

function toMoment(m: MomentInput, used: string[]): RankingMoment {
  return moment({ ...m, customerTexts: [m.text.join(' ')], usedScriptIds: new Set(used) });
}

describe('ranking properties', () => {
  it('the pruned top list is exactly the best of every script scored in full', () => {
    fc.assert(
      fc.property(arbLibrary, arbMoment, fc.integer({ min: 1, max: 10 }), (library, m, limit) => {
        const index = new RankingIndex(library);
        const mo = toMoment(m, []);
        const brute = library
          .map((s) => ({ id: s.id, score: index.explain(s.id, mo)!.score }))
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
          .slice(0, limit);
        const ranked = index.rank(mo, { limit });
        expect(ranked.map((r) => r.script.id)).toEqual(brute.map((b) => b.id));
        ranked.forEach((r, i) => expect(r.score).toBeCloseTo(brute[i]!.score, 6));
      }),
      { numRuns: 150 },
    );
  });

  it('no soft factor lifts a script above one of the same stage in a better language; a used one sinks within its tier', () => {
    fc.assert(
      fc.property(
        arbLibrary.chain((library) => fc.tuple(fc.constant(library), arbSignals(library))),
        arbMoment,
        ([library, signals], m) => {
          const now = moment().now!;
          const index = new RankingIndex(library, {
            favourites: new Set(signals.favourites),
            packPriority: new Map<string | null, number>([['team', 1], [null, 0.5]]),
            usage: new Map(library.map((s, i) => [s.id, { count: signals.counts[i]!, lastUsedAt: signals.counts[i]! > 0 ? now - signals.ages[i]! * 86_400_000 : 0 }])),
          });
          const mo = toMoment(m, signals.used);
          const ranked = index.rank(mo, { limit: library.length });
          const fit = (id: string) => {
            const f = index.explain(id, mo)!.factors;
            const points = (name: string) => f.find((x) => x.factor === name)?.points ?? 0;
            return { stage: points('stage'), language: points('language'), channelBad: points('channel') < 0, used: points('used') < 0 };
          };
          for (let i = 0; i < ranked.length; i++) {
            for (let j = i + 1; j < ranked.length; j++) {
              const a = fit(ranked[i]!.script.id);
              const b = fit(ranked[j]!.script.id);
              if (a.stage !== b.stage || a.channelBad !== b.channelBad) continue;
              if (!a.used && !b.used) expect(a.language).toBeGreaterThanOrEqual(b.language);
              // Within one tier, every unused script is above every used one.
              if (a.language === b.language) expect(a.used && !b.used).toBe(false);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
