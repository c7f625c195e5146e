import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_ID, DEFAULT_PACK_VERSION, defaultPack } from '@/scripts-library/default-pack';
import {
  Pack,
  STAGES,
  describeIssues,
  type Language,
  type PackScript,
  type ScriptKind,
  type Stage,
} from '@/scripts-library/schemas';
import { parseTemplate, renderTemplate, type TemplateValues } from '@/scripts-library/template';

const NATIVE_LANGUAGES = ['en', 'hi', 'ta', 'te', 'es'] as const satisfies readonly Language[];
const ROMANIZED_LANGUAGES = ['hi-Latn', 'ta-Latn', 'te-Latn'] as const satisfies readonly Language[];

/** Unicode blocks of the Indic scripts, inclusive. */
const BLOCKS = {
  hi: [0x0900, 0x097f],
  ta: [0x0b80, 0x0bff],
  te: [0x0c00, 0x0c7f],
} as const;
type IndicLanguage = keyof typeof BLOCKS;

const KINDS_BY_STAGE: Record<Stage, readonly ScriptKind[]> = {
  greeting: ['greeting'],
  rapport: ['rapport_question'],
  discovery: ['needs_question'],
  solution: ['solution'],
  recovery: ['empathy', 'apology'],
  closing: ['gratitude', 'closing'],
  follow_up: ['follow_up'],
};

const ALLOWED_VARIABLES = new Set(['customer.firstName', 'agent.firstName', 'company', 'ticket.id']);
const TOPIC_TAGS = new Set([
  'order',
  'delivery',
  'refund',
  'password',
  'login',
  'billing',
  'replacement',
  'troubleshooting',
  'account',
]);

const scripts: PackScript[] = defaultPack.scripts;

function scriptsOf(lang: Language, stage?: Stage): PackScript[] {
  return scripts.filter((s) => s.lang === lang && (stage === undefined || s.stage === stage));
}

/** Script text without its `{{…}}` variables, whose fallbacks may legitimately be in another script. */
function withoutVariables(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, ' ');
}

function lettersIn(text: string, [from, to]: readonly [number, number]): number {
  let count = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= from && code <= to && /\p{L}/u.test(char)) count++;
  }
  return count;
}

function latinLetters(text: string): number {
  return (text.match(/\p{Script=Latin}/gu) ?? []).length;
}

function graphemes(text: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
}

/** Sentences (and lines), so a check can look at what follows an apology within the same sentence. */
function sentences(text: string): string[] {
  return text.split(/[.!?।\n]+/).map((s) => s.trim()).filter(Boolean);
}

const FILLED: TemplateValues = {
  'customer.firstName': 'Priya',
  'agent.firstName': 'Arun',
  company: 'Acme',
  'ticket.id': '48213',
};

describe('default pack', () => {
  it('parses with the Pack schema and carries its id and version', () => {
    const result = Pack.safeParse(defaultPack);
    expect(result.success ? [] : describeIssues(result.error)).toEqual([]);
    expect(defaultPack.id).toBe(DEFAULT_PACK_ID);
    expect(DEFAULT_PACK_ID).toBe('default');
    expect(defaultPack.version).toBe(DEFAULT_PACK_VERSION);
    expect(DEFAULT_PACK_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(defaultPack.publisher).toBe('Agent Assist');
  });

  it('lists exactly the languages its scripts are in', () => {
    expect(new Set(defaultPack.languages)).toEqual(new Set(scripts.map((s) => s.lang)));
  });

  it('has unique ids of the form default.<stage>.<slug>.<lang> matching the fields', () => {
    const ids = scripts.map((s) => s.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    for (const s of scripts) {
      expect(s.id, s.id).toMatch(/^default\.[a-z_]+\.[a-z0-9]+(?:-[a-z0-9]+)*\.[A-Za-z-]+$/);
      expect(s.id.startsWith(`default.${s.stage}.`), s.id).toBe(true);
      expect(s.id.endsWith(`.${s.lang}`), s.id).toBe(true);
      expect(s.locked, s.id).toBe(false);
    }
  });

  it('gives language variants of one slug the same stage, kind and title', () => {
    const bySlug = new Map<string, PackScript>();
    for (const s of scripts) {
      const slug = s.id.slice(0, -`.${s.lang}`.length);
      const first = bySlug.get(slug);
      if (!first) {
        bySlug.set(slug, s);
        continue;
      }
      expect({ kind: s.kind, title: s.title }, s.id).toEqual({ kind: first.kind, title: first.title });
    }
  });

  it('uses only the kinds that belong to each stage', () => {
    for (const s of scripts) expect(KINDS_BY_STAGE[s.stage], s.id).toContain(s.kind);
  });

  it('has at least 6 scripts per stage in en, hi, ta, te, es and 2 in each romanized language', () => {
    const short: string[] = [];
    for (const stage of STAGES) {
      for (const lang of NATIVE_LANGUAGES) if (scriptsOf(lang, stage).length < 6) short.push(`${lang} ${stage}`);
      for (const lang of ROMANIZED_LANGUAGES) if (scriptsOf(lang, stage).length < 2) short.push(`${lang} ${stage}`);
    }
    expect(short).toEqual([]);
  });

  it('covers both kinds of recovery (empathy, apology) and closing (gratitude, closing) in every language', () => {
    for (const lang of [...NATIVE_LANGUAGES, ...ROMANIZED_LANGUAGES]) {
      for (const stage of ['recovery', 'closing'] as const) {
        const kinds = new Set(scriptsOf(lang, stage).map((s) => s.kind));
        expect([...kinds].sort(), `${lang} ${stage}`).toEqual([...KINDS_BY_STAGE[stage]].sort());
      }
    }
  });

  it('writes hi, ta and te mostly in their own script, and nothing else in Indic scripts', () => {
    for (const s of scripts) {
      const text = withoutVariables(s.text);
      for (const [lang, block] of Object.entries(BLOCKS) as [IndicLanguage, (typeof BLOCKS)[IndicLanguage]][]) {
        const own = lettersIn(text, block);
        if (s.lang === lang) {
          const share = own / (own + latinLetters(text));
          expect(share, `${s.id}: ${Math.round(share * 100)}% native letters`).toBeGreaterThanOrEqual(0.8);
        } else {
          expect(own, `${s.id} has ${lang} letters`).toBe(0);
        }
      }
    }
  });

  it('uses only the allowed variables, each with a fallback (non-empty except the customer name)', () => {
    for (const s of scripts) {
      const { nodes, errors } = parseTemplate(s.text);
      expect(errors, s.id).toEqual([]);
      for (const node of nodes) {
        expect(node.type, s.id).not.toBe('cursor');
        if (node.type !== 'variable') continue;
        expect(ALLOWED_VARIABLES.has(node.name), `${s.id}: ${node.name}`).toBe(true);
        expect(node.fallback, `${s.id}: ${node.name} needs a fallback`).not.toBeNull();
        if (node.name !== 'customer.firstName') expect(node.fallback, `${s.id}: ${node.name}`).not.toBe('');
      }
    }
  });

  it('reads cleanly both with the variables filled in and with the fallbacks', () => {
    for (const s of scripts) {
      for (const values of [FILLED, {}]) {
        const rendered = renderTemplate(s.text, values);
        const label = `${s.id} (${values === FILLED ? 'filled' : 'fallbacks'}): ${rendered.text}`;
        expect(rendered.missing, label).toEqual([]);
        expect(rendered.text, label).not.toMatch(/\{\{|\}\}/);
        expect(rendered.text, label).not.toMatch(/ {2}/);
        expect(rendered.text, label).not.toMatch(/ [,.!?।:;]/);
        expect(rendered.text, label).not.toMatch(/^\s|\s$|[ \t]\n|\n[ \t]/);
      }
    }
  });

  it('uses the customer name in most greetings and in several closings', () => {
    for (const lang of NATIVE_LANGUAGES) {
      const named = (stage: Stage) =>
        scriptsOf(lang, stage).filter((s) => s.text.includes('{{customer.firstName')).length;
      expect(named('greeting') * 2, `${lang} greeting`).toBeGreaterThan(scriptsOf(lang, 'greeting').length);
      expect(named('closing'), `${lang} closing`).toBeGreaterThanOrEqual(3);
    }
  });

  it('never puts "but" (pero, lekin) in the same sentence as the apology, and is never defensive', () => {
    const apologyThenBut: Partial<Record<Language, [RegExp, RegExp]>> = {
      en: [/\b(sorry|apologi[sz]e|apologies)\b/i, /\bbut\b/i],
      es: [/\b(lo siento|siento|lamento|disculpa|disculpas|disculpe)\b/i, /\bpero\b/i],
      'hi-Latn': [/\b(sorry|afsos|maafi)\b/i, /\b(but|lekin|magar)\b/i],
    };
    const defensive = /calm down|as i (already )?said|you should have|not our fault|you need to understand/i;
    for (const s of scripts) {
      if (s.lang === 'en') expect(s.text, s.id).not.toMatch(defensive);
      const rule = apologyThenBut[s.lang];
      if (s.kind !== 'apology' || !rule) continue;
      const [apology, but] = rule;
      for (const sentence of sentences(s.text)) {
        const at = sentence.search(apology);
        if (at !== -1) expect(sentence.slice(at), s.id).not.toMatch(but);
      }
    }
  });

  it('ends every English and Spanish apology on a resolution or a next step', () => {
    // HEAL: the apology leads somewhere: a question about what would make it right, an offer, or a commitment.
    const leads: Partial<Record<Language, RegExp>> = {
      en: /\?|what I can do|I've|I'll|you'll hear/i,
      es: /\?|puedo hacer|he |me encargo|me pondré|le escribo/i,
    };
    for (const s of scripts) {
      const lead = leads[s.lang];
      if (s.kind === 'apology' && lead) expect(s.text, s.id).toMatch(lead);
    }
  });

  it('contains no HTML angle brackets', () => {
    for (const s of scripts) {
      expect(s.text, s.id).not.toMatch(/[<>]/);
      expect(s.title, s.id).not.toMatch(/[<>]/);
    }
  });

  it('keeps chat scripts short and single-line, and email scripts multi-line', () => {
    for (const s of scripts) {
      const rendered = renderTemplate(s.text, {}).text;
      if (s.channel === 'email') {
        expect(s.text, s.id).toContain('\n\n');
      } else {
        expect(s.channel, s.id).toBe('any');
        expect(s.text, s.id).not.toContain('\n');
        expect(graphemes(rendered), s.id).toBeLessThanOrEqual(300);
      }
    }
    for (const lang of NATIVE_LANGUAGES) {
      expect(scriptsOf(lang).filter((s) => s.channel === 'email').length, lang).toBeGreaterThanOrEqual(3);
    }
  });

  it('tags every solution with at least one topic', () => {
    for (const s of scripts.filter((x) => x.stage === 'solution')) {
      expect(s.tags.some((tag) => TOPIC_TAGS.has(tag)), s.id).toBe(true);
    }
  });
});
