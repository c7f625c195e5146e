import { detectLanguage } from '../language';
import type { Language, Script } from '../schemas';
import { renderTemplate } from '../template';
import { findPhrases, maskSpans, type PhraseMatch } from './matcher';

/**
 * Phrasing checks: each one teaches a point of the method in the source articles (seeds/README.md) and points at
 * the words that triggered it. They advise; they never block a save. The interface explains each check from the
 * locale files (`check_<id>_title`, `check_<id>_why`), so the explanation reads in the trainer's language.
 */
export const PHRASING_CHECKS = [
  'name-missing',
  'apology-without-empathy',
  'apology-without-next-step',
  'defensive',
  'but-after-apology',
  'too-long-for-chat',
  'all-caps',
  'filler',
  'wrong-language',
] as const;
export type PhrasingCheckId = (typeof PHRASING_CHECKS)[number];

/** `warning`: this wording works against the customer; `advice`: the method suggests doing more. */
export type FindingSeverity = 'warning' | 'advice';

export const CHECK_SEVERITY: Record<PhrasingCheckId, FindingSeverity> = {
  'name-missing': 'advice',
  'apology-without-empathy': 'advice',
  'apology-without-next-step': 'advice',
  defensive: 'warning',
  'but-after-apology': 'warning',
  'too-long-for-chat': 'advice',
  'all-caps': 'warning',
  filler: 'advice',
  'wrong-language': 'warning',
};

export interface PhrasingFinding {
  check: PhrasingCheckId;
  severity: FindingSeverity;
  /** The words that triggered it, with offsets into the script text (absent when the whole script is meant). */
  spans: Array<{ start: number; end: number; text: string }>;
  /** A number or language id the explanation names ("412 characters", "te"). */
  detail?: string;
  /** Set when a trainer silenced this check for this script, with their reason. */
  silenced?: string;
}

/** The parts of a script the checks read. */
export type CheckedScript = Pick<Script, 'text' | 'lang' | 'stage' | 'kind' | 'channel'>;

/** Chat replies past this many characters (as a reader counts them) read as a wall of text on a phone. */
export const CHAT_LIMIT = 300;
const NAME_VARIABLE = /\{\{\s*customer\.(?:firstName|name)\s*(?:\||\}\})/;
const TAG = /\{\{[\s\S]*?\}\}/g;
const SENTENCE_END = /[.!?।॥\n]/;
/** Shop-floor acronyms that are written in capitals on purpose. */
const ACRONYMS = new Set([
  'OTP', 'UPI', 'GST', 'PAN', 'KYC', 'ID', 'PDF', 'URL', 'SMS', 'EMI', 'COD', 'IFSC', 'PIN', 'OK', 'FAQ', 'USB', 'TV', 'AC',
  'ATM', 'NEFT', 'IMPS', 'RTGS', 'ETA', 'EOD', 'IST', 'UTC', 'AM', 'PM', 'USA', 'UK', 'EU', 'IVA', 'NIF', 'CIF', 'DNI', 'RFC',
  'SKU', 'IMEI', 'OS', 'PC', 'VAT', 'CEO', 'HR', 'IT', 'API', 'QR', 'NFC', 'GPS', 'WIFI', 'LED', 'HDMI',
]);

/** The script with every `{{…}}` blanked to spaces: offsets stay those of the script text. */
function withoutTags(text: string): string {
  return text.replace(TAG, (tag) => ' '.repeat(tag.length));
}

function spansOf(matches: readonly PhraseMatch[]): PhrasingFinding['spans'] {
  return matches.map(({ start, end, text }) => ({ start, end, text }));
}

function finding(check: PhrasingCheckId, spans: PhrasingFinding['spans'] = [], detail?: string): PhrasingFinding {
  return detail === undefined ? { check, severity: CHECK_SEVERITY[check], spans } : { check, severity: CHECK_SEVERITY[check], spans, detail };
}

type Check = (script: CheckedScript, plain: string) => PhrasingFinding | null;

/** HEAL is for an upset customer: "sorry for the wait" in a greeting is courtesy, not a recovery. */
const isRecovery = (script: CheckedScript) => script.stage === 'recovery' || script.kind === 'apology';

const checks: Record<PhrasingCheckId, Check> = {
  'name-missing'(script) {
    const personal = script.kind === 'greeting' || script.kind === 'gratitude' || (script.stage === 'closing' && script.kind === 'closing');
    if (!personal || NAME_VARIABLE.test(script.text)) return null;
    return finding('name-missing');
  },

  'apology-without-empathy'(script, plain) {
    if (!isRecovery(script)) return null;
    const apologies = findPhrases(plain, script.lang, 'apology');
    if (apologies.length === 0) return null;
    if (findPhrases(maskSpans(plain, apologies), script.lang, 'empathy').length > 0) return null;
    return finding('apology-without-empathy', spansOf(apologies.slice(0, 1)));
  },

  'apology-without-next-step'(script, plain) {
    if (!isRecovery(script)) return null;
    const apologies = findPhrases(plain, script.lang, 'apology');
    if (apologies.length === 0) return null;
    // A question ("What would make this right for you?") leads to resolution as much as a promise does (HEAL: L).
    if (plain.includes('?') || plain.includes('¿')) return null;
    // Verb endings that mark "I will" also end "I regret" and "I understand" in Tamil and Telugu: look elsewhere.
    const rest = maskSpans(plain, [...apologies, ...findPhrases(plain, script.lang, 'empathy')]);
    if (findPhrases(rest, script.lang, 'next_step').length > 0) return null;
    return finding('apology-without-next-step', spansOf(apologies.slice(0, 1)));
  },

  defensive(script, plain) {
    const found = findPhrases(maskSpans(plain, findPhrases(plain, script.lang, 'not_defensive')), script.lang, 'defensive');
    return found.length ? finding('defensive', spansOf(found)) : null;
  },

  'but-after-apology'(script, plain) {
    const spans: PhrasingFinding['spans'] = [];
    const contrasts = findPhrases(plain, script.lang, 'contrast');
    for (const apology of findPhrases(plain, script.lang, 'apology')) {
      const next = contrasts.find((c) => c.start >= apology.end && !SENTENCE_END.test(plain.slice(apology.end, c.start)));
      if (next && !spans.some((s) => s.start === next.start)) spans.push({ start: next.start, end: next.end, text: next.text });
    }
    return spans.length ? finding('but-after-apology', spans) : null;
  },

  'too-long-for-chat'(script) {
    if (script.channel !== 'chat' && script.channel !== 'any') return null;
    const rendered = renderTemplate(script.text, {}, { placeholders: true }).text;
    const length = graphemeCount(rendered);
    return length > CHAT_LIMIT ? finding('too-long-for-chat', [], String(length)) : null;
  },

  'all-caps'(_script, plain) {
    const spans: PhrasingFinding['spans'] = [];
    const words = [...plain.matchAll(/[A-Za-z][A-Za-z'’]+/g)];
    let run: RegExpMatchArray[] = [];
    const flush = () => {
      const shouting = run.length >= 2 || (run.length === 1 && (run[0]?.[0].length ?? 0) >= 5);
      if (shouting) {
        const first = run[0]!;
        const last = run[run.length - 1]!;
        const start = first.index ?? 0;
        const end = (last.index ?? 0) + last[0].length;
        spans.push({ start, end, text: plain.slice(start, end) });
      }
      run = [];
    };
    for (const word of words) {
      const letters = word[0].replace(/['’]/g, '');
      const capitals = letters.length >= 2 && letters === letters.toUpperCase() && !ACRONYMS.has(letters);
      if (capitals) run.push(word);
      else flush();
    }
    flush();
    return spans.length ? finding('all-caps', spans) : null;
  },

  filler(script, plain) {
    const found = findPhrases(plain, script.lang, 'filler');
    return found.length ? finding('filler', spansOf(found)) : null;
  },

  'wrong-language'(script, plain) {
    const detected = writtenLanguage(plain, script.lang);
    return detected ? finding('wrong-language', [], detected) : null;
  },
};

const NATIVE_BLOCK: Partial<Record<Language, RegExp>> = {
  hi: /[\u0900-\u097F]/gu,
  ta: /[\u0B80-\u0BFF]/gu,
  te: /[\u0C00-\u0C7F]/gu,
};
const ANY_LETTER = /\p{L}/gu;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * The language the text is really written in, when it is clearly not the declared one; null when it matches or the
 * text is too short to tell. Native scripts are told apart by Unicode block; Latin-script languages by the detector.
 */
export function writtenLanguage(plain: string, declared: Language): Language | null {
  const letters = count(plain, ANY_LETTER);
  if (letters < 12) return null;
  const block = NATIVE_BLOCK[declared];
  if (block) {
    // A Hindi, Tamil or Telugu script may keep brand names and order ids in Latin letters, not much more.
    if (count(plain, block) / letters >= 0.5) return null;
    const guess = detectLanguage(plain);
    return guess.lang === declared ? null : guess.lang;
  }
  const guess = detectLanguage(plain);
  if (guess.lang === declared) return null;
  if (declared.endsWith('-Latn') && !/-Latn$/.test(guess.lang) && guess.lang !== 'en' && guess.lang !== 'es') return guess.lang;
  // Short Latin texts are ambiguous between English and romanized Indic (which borrows English freely): only a
  // confident guess counts.
  return guess.confidence >= 0.75 ? guess.lang : null;
}

let segmenter: Intl.Segmenter | null = null;
function graphemeCount(text: string): number {
  try {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    let n = 0;
    for (const _ of segmenter.segment(text)) n++;
    return n;
  } catch {
    return [...text].length;
  }
}

export interface CheckOptions {
  /** Checks silenced for this script, with the trainer's reason. */
  silenced?: ReadonlyMap<PhrasingCheckId, string> | Readonly<Partial<Record<PhrasingCheckId, string>>>;
  /** Texts past this length are only checked in their first part: a check must stay instant while typing. */
  maxLength?: number;
}

/** Runs every check on a script. Never throws; silenced findings are kept, marked, so the trainer can undo them. */
export function checkPhrasing(script: CheckedScript, options: CheckOptions = {}): PhrasingFinding[] {
  const text = script.text.slice(0, options.maxLength ?? 20_000);
  const subject = { ...script, text };
  const plain = withoutTags(text);
  const silenced = options.silenced instanceof Map ? options.silenced : new Map(Object.entries(options.silenced ?? {}) as [PhrasingCheckId, string][]);
  const findings: PhrasingFinding[] = [];
  for (const id of PHRASING_CHECKS) {
    let result: PhrasingFinding | null = null;
    try {
      result = checks[id](subject, plain);
    } catch {
      result = null;
    }
    if (!result) continue;
    const reason = silenced.get(id);
    findings.push(reason === undefined ? result : { ...result, silenced: reason });
  }
  return findings;
}

/** Findings a trainer still has to look at (not silenced). */
export function openFindings(findings: readonly PhrasingFinding[]): PhrasingFinding[] {
  return findings.filter((f) => f.silenced === undefined);
}
