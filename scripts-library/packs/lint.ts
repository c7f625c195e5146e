import type { Language, PackScript, ScriptKind, Stage } from '../schemas';
import { parseTemplate } from '../template';
import { formatJsonPath, PackFile, readPackText, validatePackDocument, type PackReadResult } from './format';

/**
 * Checks a lead runs before publishing: the schema (as the extension will apply it), template syntax, and a few
 * basic checks of wording and consistency. Errors stop a pack from working as meant; warnings are worth a look.
 * Fuller phrasing checks (tone, HEAL, length by channel) come from the phrasing-check module when it exists.
 */

export interface LintReport {
  errors: string[];
  warnings: string[];
}

export function lintPackText(text: string): LintReport {
  return lintRead(readPackText(text), () => safeParse(text));
}

export function lintPackDocument(document: unknown): LintReport {
  return lintRead(validatePackDocument(document), () => document);
}

function lintRead(read: PackReadResult, raw: () => unknown): LintReport {
  if (!read.ok) return { errors: read.problems, warnings: unknownKeyWarnings(raw()) };
  const errors: string[] = [];
  const warnings: string[] = unknownKeyWarnings(read.document);
  const languages = new Set<Language>(read.pack.languages);
  const usedLanguages = new Set<Language>();
  const firstByText = new Map<string, number>();
  read.pack.scripts.forEach((script, i) => {
    const at = (field: string) => `scripts[${i}].${field}`;
    usedLanguages.add(script.lang);
    if (!languages.has(script.lang)) errors.push(`${at('lang')}: "${script.lang}" is not in the pack's languages (${[...languages].join(', ')})`);
    for (const problem of parseTemplate(script.text).errors) {
      errors.push(`${at('text')}: ${problem.message} at character ${problem.index + 1}`);
    }
    warnings.push(...wordingWarnings(script, at));
    const fits = KINDS_BY_STAGE[script.stage];
    if (!fits.includes(script.kind)) warnings.push(`${at('kind')}: "${script.kind}" is unusual in the ${script.stage} stage (expected ${fits.join(' or ')})`);
    const key = `${script.lang}\u0000${script.text.trim()}`;
    const first = firstByText.get(key);
    if (first !== undefined) warnings.push(`${at('text')}: same wording as scripts[${first}]`);
    else firstByText.set(key, i);
  });
  for (const lang of languages) if (!usedLanguages.has(lang)) warnings.push(`languages: "${lang}" is listed but no script uses it`);
  return { errors, warnings };
}

const KINDS_BY_STAGE: Record<Stage, ScriptKind[]> = {
  greeting: ['greeting'],
  rapport: ['rapport_question', 'greeting'],
  discovery: ['needs_question'],
  solution: ['solution'],
  recovery: ['empathy', 'apology', 'solution'],
  closing: ['gratitude', 'closing'],
  follow_up: ['follow_up', 'gratitude'],
};

const NATIVE_SCRIPT: Partial<Record<Language, { name: string; pattern: RegExp }>> = {
  hi: { name: 'Devanagari', pattern: /[\u0900-\u097F]/ },
  ta: { name: 'Tamil', pattern: /[\u0B80-\u0BFF]/ },
  te: { name: 'Telugu', pattern: /[\u0C00-\u0C7F]/ },
};
const INDIC = /[\u0900-\u0DFF]/;
/** Chat replies longer than this read as a wall of text in a chat widget. */
const LONG_CHAT_REPLY = 600;

function wordingWarnings(script: PackScript, at: (field: string) => string): string[] {
  const warnings: string[] = [];
  const text = script.text;
  const native = NATIVE_SCRIPT[script.lang];
  if (native && !native.pattern.test(text)) warnings.push(`${at('text')}: written without ${native.name} letters, but lang is "${script.lang}" (romanized text is "${script.lang}-Latn")`);
  if (!native && INDIC.test(text.replace(/\{\{[^}]*\}\}/g, ''))) warnings.push(`${at('text')}: holds Indic letters, but lang is "${script.lang}"`);
  if (text !== text.trim()) warnings.push(`${at('text')}: starts or ends with spaces or blank lines`);
  if (/ {2,}/.test(text.replace(/^ +/gm, ''))) warnings.push(`${at('text')}: has a double space`);
  if ((text.match(/\{\{\s*cursor\s*\}\}/g) ?? []).length > 1) warnings.push(`${at('text')}: has more than one {{cursor}}; the first one wins`);
  if (/\b(TODO|FIXME|lorem ipsum)\b/i.test(text)) warnings.push(`${at('text')}: looks like a placeholder (TODO, FIXME or lorem ipsum)`);
  if (script.channel === 'chat' && text.length > LONG_CHAT_REPLY) warnings.push(`${at('text')}: ${text.length} characters is long for a chat reply`);
  if (/[!?]{3,}/.test(text)) warnings.push(`${at('text')}: repeated ! or ? reads as shouting`);
  return warnings;
}

/** Members the extension ignores: usually a typo (`lockd`, `stgae`) that silently loses what the lead meant. */
function unknownKeyWarnings(document: unknown): string[] {
  if (!isObject(document)) return [];
  const warnings: string[] = [];
  const packKeys = new Set(Object.keys(PackFile.shape));
  for (const key of Object.keys(document)) if (!packKeys.has(key)) warnings.push(`${formatJsonPath([key])}: not a pack member; it is ignored`);
  const scriptKeys = new Set(Object.keys(PackFile.shape.scripts.element.shape));
  const scripts = document.scripts;
  if (!Array.isArray(scripts)) return warnings;
  scripts.forEach((script, i) => {
    if (!isObject(script)) return;
    for (const key of Object.keys(script)) {
      if (!scriptKeys.has(key)) warnings.push(`${formatJsonPath(['scripts', i, key])}: not a script member; it is ignored`);
    }
  });
  return warnings;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
