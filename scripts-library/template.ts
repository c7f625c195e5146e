/**
 * The script template language. Interpreted, never compiled: MV3 forbids `eval`/`new Function`, and script text from
 * packs is untrusted, so a template can only look up a fixed set of variables, ask for a value, or pull in another
 * script's text. Output is always plain text; nothing in it is ever read as markup.
 *
 *   {{customer.firstName}}                   a variable
 *   {{customer.firstName|there}}             with a fallback: the text after `|` when the variable is unknown
 *   {{cursor}}                               where the caret goes after insertion
 *   {{today}} {{tomorrow}}                   dates, written the way the script's language writes them
 *   {{date:+3}} {{date:+2 workdays}}         a date some (working) days from today; `-` counts back
 *   {{field:Order number}}                   a short text the agent types at insert time
 *   {{field:Order number|AC-}}               … with a suggested answer
 *   {{choice:Delivery|today|tomorrow}}       a choice made at insert time; the first option is preselected
 *   {{> default.closing.anything-else.en}}   the text of another script (greeting + body + closing stacks)
 *
 * Anything else between `{{` and `}}` is a syntax error with its position; text outside braces is kept verbatim.
 */

export const TEMPLATE_VARIABLES = [
  'customer.firstName',
  'customer.name',
  'agent.firstName',
  'agent.name',
  'company',
  'ticket.id',
  'ticket.subject',
  'today',
  'tomorrow',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplateValues = Partial<Record<TemplateVariable, string | null | undefined>>;

/** A question the agent answers at insert time. Fields with the same label are one question with one answer. */
export type TemplateField =
  | { kind: 'text'; label: string; suggested: string | null }
  | { kind: 'choice'; label: string; options: string[] };

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'variable'; name: TemplateVariable; fallback: string | null; index: number }
  | { type: 'cursor'; index: number }
  | { type: 'date'; days: number; workdays: boolean; index: number }
  | { type: 'field'; field: TemplateField; index: number }
  | { type: 'include'; scriptId: string; index: number };

export interface TemplateError {
  message: string;
  /** Offset of the problem in the template text. */
  index: number;
}

export interface ParsedTemplate {
  nodes: TemplateNode[];
  errors: TemplateError[];
}

/** Past this many problems a template is not worth listing further (a pasted megabyte of braces, say). */
export const MAX_REPORTED_ERRORS = 50;
/** A greeting includes a body that includes a closing: three levels is real use, five is plenty. */
export const MAX_INCLUDE_DEPTH = 5;
export const MAX_FIELD_LABEL = 60;
const MAX_DATE_OFFSET = 366;

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
const SCRIPT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const DATE_OFFSET = /^([+-])\s*(\d{1,3})(?:\s+(days?|workdays?))?$/;

/** One `{{…}}` tag's content, read into a node or an error message. */
function readTag(inner: string, index: number): TemplateNode | string {
  const trimmed = inner.trim();
  if (trimmed.startsWith('>')) {
    const scriptId = trimmed.slice(1).trim();
    if (!SCRIPT_ID.test(scriptId)) return `"{{> …}}" needs a script id (letters, digits and . _ : -), got "${clip(scriptId)}"`;
    return { type: 'include', scriptId, index };
  }
  const colon = trimmed.indexOf(':');
  const head = colon === -1 ? '' : trimmed.slice(0, colon).trim();
  if (head === 'field') return readField(trimmed.slice(colon + 1), index);
  if (head === 'choice') return readChoice(trimmed.slice(colon + 1), index);
  if (head === 'date') {
    const match = DATE_OFFSET.exec(trimmed.slice(colon + 1).trim());
    const days = match ? Number(match[2]) * (match[1] === '-' ? -1 : 1) : NaN;
    if (!match || Math.abs(days) > MAX_DATE_OFFSET) {
      return `"{{date:…}}" takes an offset such as +3, -1 or +2 workdays (at most ${MAX_DATE_OFFSET} days)`;
    }
    return { type: 'date', days, workdays: match[3]?.startsWith('workday') ?? false, index };
  }
  const bar = inner.indexOf('|');
  const name = (bar === -1 ? inner : inner.slice(0, bar)).trim();
  const fallback = bar === -1 ? null : inner.slice(bar + 1).trim();
  if (name === 'cursor' && fallback === null) return { type: 'cursor', index };
  if (KNOWN.has(name)) return { type: 'variable', name: name as TemplateVariable, fallback, index };
  if (!name) return 'empty "{{}}"';
  return `unknown variable "${clip(name)}" (known: ${TEMPLATE_VARIABLES.join(', ')}, cursor, date:+N, field:…, choice:…, > script-id)`;
}

function readField(body: string, index: number): TemplateNode | string {
  const bar = body.indexOf('|');
  const label = (bar === -1 ? body : body.slice(0, bar)).trim();
  const problem = labelProblem(label, 'field');
  if (problem) return problem;
  const suggested = bar === -1 ? null : body.slice(bar + 1).trim();
  return { type: 'field', field: { kind: 'text', label, suggested }, index };
}

function readChoice(body: string, index: number): TemplateNode | string {
  const [rawLabel = '', ...rawOptions] = body.split('|');
  const label = rawLabel.trim();
  const problem = labelProblem(label, 'choice');
  if (problem) return problem;
  const options = rawOptions.map((option) => option.trim());
  if (options.length < 2) return `"{{choice:${clip(label)}|…}}" needs at least two options separated by "|"`;
  return { type: 'field', field: { kind: 'choice', label, options }, index };
}

function labelProblem(label: string, kind: 'field' | 'choice'): string | null {
  if (!label) return `"{{${kind}:…}}" needs a label, e.g. {{${kind === 'field' ? 'field:Order number' : 'choice:Delivery|today|tomorrow'}}}`;
  if (label.length > MAX_FIELD_LABEL) return `the ${kind} label is longer than ${MAX_FIELD_LABEL} characters`;
  return null;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function parseTemplate(source: string): ParsedTemplate {
  const nodes: TemplateNode[] = [];
  const errors: TemplateError[] = [];
  let suppressed = 0;
  const report = (message: string, index: number) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ message, index });
    else suppressed++;
  };
  const pushText = (text: string) => {
    if (!text) return;
    const last = nodes[nodes.length - 1];
    if (last?.type === 'text') last.text += text;
    else nodes.push({ type: 'text', text });
  };
  let position = 0;
  while (position < source.length) {
    const open = source.indexOf('{{', position);
    if (open === -1) {
      pushText(source.slice(position));
      break;
    }
    pushText(source.slice(position, open));
    const close = source.indexOf('}}', open + 2);
    if (close === -1) {
      report('"{{" is never closed with "}}"', open);
      pushText(source.slice(open));
      break;
    }
    // "{{ oops {{customer.name}}": the first "{{" is the stray one; resume at the last opening before the close so
    // the real tag still works and the error points at the right place.
    const lastOpen = source.lastIndexOf('{{', close - 1);
    if (lastOpen > open + 1) {
      report('"{{" is never closed with "}}"', open);
      pushText(source.slice(open, lastOpen));
      position = lastOpen;
      continue;
    }
    const tag = readTag(source.slice(open + 2, close), open);
    if (typeof tag === 'string') {
      report(tag, open);
      pushText(source.slice(open, close + 2));
    } else {
      nodes.push(tag);
    }
    position = close + 2;
  }
  if (suppressed > 0) errors.push({ message: `… and ${suppressed} more problems`, index: source.length });
  return { nodes, errors };
}

export interface RenderOptions {
  /** Answers to fill-in fields and choices, by label. */
  answers?: Readonly<Record<string, string>>;
  /** Looks up another script's text for `{{> id}}`; null or undefined when there is no such script. */
  include?: (scriptId: string) => string | null | undefined;
  /** Language the dates are written in (BCP-47); English when absent. */
  lang?: string;
  /** The moment "today" means; the clock when absent. */
  now?: Date | number;
  timeZone?: string;
  /** For previews: write unanswered fields and unknown variables as `[label]` instead of leaving them out. */
  placeholders?: boolean;
}

export interface RenderedTemplate {
  text: string;
  /** Where the caret should end, as an offset into `text`; null means after the text. */
  cursor: number | null;
  /** Variables that had neither a value nor a fallback: the panel asks before inserting. */
  missing: TemplateVariable[];
  errors: TemplateError[];
  /** Every question the template (and what it includes) asks, in order of first appearance. */
  fields?: TemplateField[];
  /** Labels of fields with no answer in `options.answers`: the panel asks before inserting. */
  unanswered?: string[];
  /** Script ids pulled in by `{{> …}}`, nested ones included. */
  includes?: string[];
}

interface RenderState {
  values: TemplateValues;
  options: RenderOptions;
  text: string;
  cursor: number | null;
  afterEmptyValue: boolean;
  missing: TemplateVariable[];
  errors: TemplateError[];
  fields: TemplateField[];
  unanswered: string[];
  includes: string[];
}

/** Renders a template as plain text. Never throws; values and answers are inserted as text, never interpreted. */
export function renderTemplate(source: string, values: TemplateValues, options: RenderOptions = {}): RenderedTemplate {
  const state: RenderState = {
    values,
    options,
    text: '',
    cursor: null,
    afterEmptyValue: false,
    missing: [],
    errors: [],
    fields: [],
    unanswered: [],
    includes: [],
  };
  renderInto(state, String(source ?? ''), [], null);
  const cursor = state.cursor !== null && state.cursor > state.text.length ? state.text.length : state.cursor;
  return {
    text: state.text,
    cursor,
    missing: state.missing,
    errors: state.errors.slice(0, MAX_REPORTED_ERRORS + 1),
    fields: state.fields,
    unanswered: state.unanswered,
    includes: state.includes,
  };
}

/**
 * Renders `source` into the state. `chain` holds the ids being included (for cycles and depth); `outerIndex` is the
 * position of the outermost include, so a problem inside an included script points at something the trainer sees.
 */
function renderInto(state: RenderState, source: string, chain: string[], outerIndex: number | null): void {
  const { nodes, errors } = parseTemplate(source);
  const where = (index: number) => outerIndex ?? index;
  const inside = chain.length ? ` (in included script "${chain[chain.length - 1]}")` : '';
  for (const error of errors) state.errors.push({ message: `${error.message}${inside}`, index: where(error.index) });

  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        // An empty value or fallback would leave "Hi , …" or a double space: close that one gap, and only that one,
        // so text without variables comes out exactly as written.
        if (state.afterEmptyValue && state.text.endsWith(' ') && /^[ ,.!?।:;]/.test(node.text)) state.text = state.text.slice(0, -1);
        state.text += node.text;
        state.afterEmptyValue = false;
        break;
      }
      case 'cursor':
        state.cursor ??= state.text.length;
        break;
      case 'variable': {
        const given = valueOf(state.values, node.name);
        const value = given || (node.name === 'today' || node.name === 'tomorrow' ? formatDate(node.name === 'today' ? 0 : 1, false, state.options) : '');
        let rendered = value || node.fallback || '';
        if (!value && node.fallback === null) {
          if (!state.missing.includes(node.name)) state.missing.push(node.name);
          if (state.options.placeholders) rendered = `[${node.name}]`;
        }
        append(state, rendered);
        break;
      }
      case 'date':
        append(state, formatDate(node.days, node.workdays, state.options));
        break;
      case 'field':
        append(state, answerFor(state, node.field));
        break;
      case 'include':
        renderInclude(state, node, chain, where(node.index));
        break;
    }
  }
}

function append(state: RenderState, rendered: string): void {
  state.text += rendered;
  state.afterEmptyValue = rendered === '';
}

function valueOf(values: TemplateValues, name: TemplateVariable): string {
  // Own properties only: a values object is data, and "constructor" or "__proto__" must never reach the prototype.
  if (!Object.prototype.hasOwnProperty.call(values, name)) return '';
  const value: unknown = values[name];
  return typeof value === 'string' ? value.trim() : '';
}

function answerFor(state: RenderState, field: TemplateField): string {
  const known = state.fields.find((f) => f.label === field.label);
  if (!known) state.fields.push(field);
  const answers = state.options.answers;
  if (answers && Object.prototype.hasOwnProperty.call(answers, field.label)) {
    const answer: unknown = answers[field.label];
    if (typeof answer === 'string') return answer;
  }
  if (!state.unanswered.includes(field.label)) state.unanswered.push(field.label);
  if (state.options.placeholders) return `[${field.label}]`;
  const first = known ?? field;
  return first.kind === 'choice' ? (first.options[0] ?? '') : (first.suggested ?? '');
}

function renderInclude(state: RenderState, node: { scriptId: string }, chain: string[], index: number): void {
  const { scriptId } = node;
  if (chain.includes(scriptId)) {
    state.errors.push({ message: `"${scriptId}" includes itself (${[...chain, scriptId].join(' → ')})`, index });
    append(state, '');
    return;
  }
  if (chain.length >= MAX_INCLUDE_DEPTH) {
    state.errors.push({ message: `includes nest deeper than ${MAX_INCLUDE_DEPTH} levels at "${scriptId}"`, index });
    append(state, '');
    return;
  }
  let included: string | null | undefined = null;
  try {
    included = state.options.include?.(scriptId);
  } catch {
    included = null;
  }
  if (typeof included !== 'string') {
    state.errors.push({ message: `no script with the id "${scriptId}" to include`, index });
    append(state, state.options.placeholders ? `[${scriptId}]` : '');
    return;
  }
  if (!state.includes.includes(scriptId)) state.includes.push(scriptId);
  renderInto(state, included, [...chain, scriptId], index);
}

/** How each script language writes a date; romanized Indic readers read dates the Indian-English way. */
const DATE_LOCALES: Record<string, string> = {
  en: 'en-GB',
  es: 'es-ES',
  hi: 'hi-IN',
  ta: 'ta-IN',
  te: 'te-IN',
  'hi-Latn': 'en-IN',
  'ta-Latn': 'en-IN',
  'te-Latn': 'en-IN',
};

function formatDate(days: number, workdays: boolean, options: RenderOptions): string {
  const start = options.now === undefined ? new Date() : new Date(options.now);
  const base = Number.isNaN(start.getTime()) ? new Date() : start;
  const date = workdays ? addWorkdays(base, days) : new Date(base.getTime() + days * 86_400_000);
  const locale = DATE_LOCALES[options.lang ?? 'en'] ?? options.lang ?? 'en-GB';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: options.timeZone }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** Counts working days (Monday to Friday); public holidays differ by region and are left to the agent. */
function addWorkdays(from: Date, days: number): Date {
  const step = days < 0 ? -1 : 1;
  const date = new Date(from.getTime());
  let left = Math.abs(days);
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + step);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date;
}

/** Script ids a template includes directly (not nested), for loading them before rendering. */
export function includedScriptIds(source: string): string[] {
  const ids: string[] = [];
  for (const node of parseTemplate(source).nodes) if (node.type === 'include' && !ids.includes(node.scriptId)) ids.push(node.scriptId);
  return ids;
}

/** Line and column (both from 1) of an offset, for showing a syntax error where the trainer typed it. */
export function positionOf(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, Math.min(index, source.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: before.length - lineStart + 1 };
}

/** First word of a full name ("Priya Sharma" → "Priya"); null for empty input or an email address. */
export function firstNameOf(fullName: string | null | undefined): string | null {
  if (!fullName || fullName.includes('@')) return null;
  const first = fullName.trim().split(/\s+/)[0];
  return first ? first : null;
}
