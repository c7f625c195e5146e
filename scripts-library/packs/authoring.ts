import { parseDocument } from 'yaml';
import { LANGUAGES, PackScript, type Language } from '../schemas';
import { describePackIssues, validatePackDocument } from './format';

/**
 * Leads write one script a file, as YAML or as Markdown whose front matter holds the fields and whose body is the
 * wording, plus a `pack.yaml` (or `pack.json`) with the pack's own fields. `buildPackFromFiles` turns those files
 * into one pack document; the command line reads the folder and writes the JSON.
 *
 *   ---                               # scripts/welcome.md
 *   stage: greeting
 *   kind: greeting
 *   lang: en
 *   title: Warm welcome
 *   locked: true
 *   ---
 *   Hi {{customer.firstName|there}}, thanks for writing to us!
 */

export interface AuthoredFile {
  /** Path relative to the pack folder, with forward slashes. */
  path: string;
  content: string;
}

export type BuildResult =
  | { ok: true; document: Record<string, unknown>; scriptFiles: string[] }
  | { ok: false; problems: string[] };

export const PACK_META_FILES = ['pack.yaml', 'pack.yml', 'pack.json'] as const;

/** Whether a file in the pack folder is a script file (everything but the pack's own file and READMEs). */
export function isScriptFile(path: string): boolean {
  if ((PACK_META_FILES as readonly string[]).includes(path)) return false;
  if (/(^|\/)README\.md$/i.test(path)) return false;
  return /\.(md|markdown|ya?ml)$/i.test(path);
}

export function buildPackFromFiles(meta: AuthoredFile, files: readonly AuthoredFile[]): BuildResult {
  const problems: string[] = [];
  const metaValue = parseMeta(meta, problems);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const packId = typeof metaValue?.id === 'string' ? metaValue.id : 'pack';
  const scripts: Array<Record<string, unknown>> = [];
  for (const file of sorted) {
    const fields = parseScriptFile(file, problems);
    if (!fields) continue;
    const script = { id: defaultScriptId(packId, file.path), ...fields };
    const parsed = PackScript.safeParse(script);
    if (!parsed.success) {
      for (const line of describePackIssues(parsed.error)) problems.push(`${file.path}: ${line}`);
      continue;
    }
    scripts.push(script);
  }
  if (!metaValue || problems.length > 0) return { ok: false, problems };
  const languages = metaValue.languages ?? LANGUAGES.filter((lang: Language) => scripts.some((s) => s.lang === lang));
  const document: Record<string, unknown> = { $schema: './pack.schema.json', ...metaValue, languages, scripts };
  const checked = validatePackDocument(document);
  if (!checked.ok) {
    // Point at files, not array positions the lead never wrote.
    return { ok: false, problems: checked.problems.map((line) => line.replace(/^scripts\[(\d+)\]/, (all, i: string) => `${sorted[Number(i)]?.path ?? all} (${all})`)) };
  }
  return { ok: true, document, scriptFiles: sorted.map((file) => file.path) };
}

/** `scripts/greeting/welcome.en.md` in pack `acme` → `acme.greeting.welcome.en`. */
export function defaultScriptId(packId: string, path: string): string {
  const stem = path.replace(/^scripts\//, '').replace(/\.(md|markdown|ya?ml)$/i, '');
  return `${packId}.${stem.replace(/[^A-Za-z0-9._:-]+/g, '.').replace(/\.{2,}/g, '.').replace(/^\.+|\.+$/g, '')}`;
}

function parseMeta(file: AuthoredFile, problems: string[]): Record<string, unknown> | null {
  const value = file.path.endsWith('.json') ? parseJson(file, problems) : parseYaml(file.content, file.path, problems);
  if (value === undefined) return null;
  if (!isObject(value)) {
    problems.push(`${file.path}: expected the pack's fields (id, name, version, publisher, description, languages)`);
    return null;
  }
  if ('scripts' in value) problems.push(`${file.path}: scripts: write each script in its own file, not here`);
  return value;
}

function parseScriptFile(file: AuthoredFile, problems: string[]): Record<string, unknown> | null {
  if (/\.(md|markdown)$/i.test(file.path)) {
    const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(file.content);
    if (!match) {
      problems.push(`${file.path}: expected front matter between two "---" lines, then the wording`);
      return null;
    }
    const fields = parseYaml(match[1] ?? '', `${file.path} (front matter)`, problems);
    if (fields === undefined) return null;
    if (!isObject(fields)) {
      problems.push(`${file.path}: the front matter must hold fields (stage, kind, lang, title…)`);
      return null;
    }
    if ('text' in fields) problems.push(`${file.path}: text: the wording goes below the front matter, not in it`);
    const text = (match[2] ?? '').replace(/\r\n/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
    return { ...fields, text };
  }
  const fields = parseYaml(file.content, file.path, problems);
  if (fields === undefined) return null;
  if (!isObject(fields)) {
    problems.push(`${file.path}: expected one script's fields (stage, kind, lang, title, text…)`);
    return null;
  }
  return typeof fields.text === 'string' ? { ...fields, text: fields.text.replace(/\s+$/, '') } : fields;
}

function parseYaml(text: string, where: string, problems: string[]): unknown {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = error.linePos?.[0];
      problems.push(`${where}: ${line ? `line ${line.line}, column ${line.col}: ` : ''}${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    return undefined;
  }
  return document.toJS({ maxAliasCount: 0 });
}

function parseJson(file: AuthoredFile, problems: string[]): unknown {
  try {
    return JSON.parse(file.content);
  } catch (error) {
    problems.push(`${file.path}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
