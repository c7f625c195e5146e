/**
 * The script template language. Interpreted, never compiled: MV3 forbids `eval`/`new Function`, and script text from
 * packs is untrusted, so the only thing a template can do is look up one of a fixed set of variables.
 *
 *   {{customer.firstName}}          a variable
 *   {{customer.firstName|there}}    with a fallback: the text after `|` when the variable is unknown
 *   {{cursor}}                      where the caret goes after insertion
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
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplateValues = Partial<Record<TemplateVariable, string | null | undefined>>;

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'variable'; name: TemplateVariable; fallback: string | null; index: number }
  | { type: 'cursor'; index: number };

export interface TemplateError {
  message: string;
  /** Offset of the problem in the template text. */
  index: number;
}

export interface ParsedTemplate {
  nodes: TemplateNode[];
  errors: TemplateError[];
}

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);

export function parseTemplate(source: string): ParsedTemplate {
  const nodes: TemplateNode[] = [];
  const errors: TemplateError[] = [];
  let position = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const last = nodes[nodes.length - 1];
    if (last?.type === 'text') last.text += text;
    else nodes.push({ type: 'text', text });
  };
  while (position < source.length) {
    const open = source.indexOf('{{', position);
    if (open === -1) {
      pushText(source.slice(position));
      break;
    }
    pushText(source.slice(position, open));
    const close = source.indexOf('}}', open + 2);
    if (close === -1) {
      errors.push({ message: '"{{" is never closed with "}}"', index: open });
      pushText(source.slice(open));
      break;
    }
    const inner = source.slice(open + 2, close);
    const bar = inner.indexOf('|');
    const name = (bar === -1 ? inner : inner.slice(0, bar)).trim();
    const fallback = bar === -1 ? null : inner.slice(bar + 1).trim();
    if (name === 'cursor' && fallback === null) {
      nodes.push({ type: 'cursor', index: open });
    } else if (KNOWN.has(name)) {
      nodes.push({ type: 'variable', name: name as TemplateVariable, fallback, index: open });
    } else {
      errors.push({
        message: name
          ? `unknown variable "${name.slice(0, 60)}" (known: ${TEMPLATE_VARIABLES.join(', ')}, cursor)`
          : 'empty "{{}}"',
        index: open,
      });
      pushText(source.slice(open, close + 2));
    }
    position = close + 2;
  }
  return { nodes, errors };
}

export interface RenderedTemplate {
  text: string;
  /** Where the caret should end, as an offset into `text`; null means after the text. */
  cursor: number | null;
  /** Variables that had neither a value nor a fallback: the panel asks before inserting. */
  missing: TemplateVariable[];
  errors: TemplateError[];
}

/** Renders a template as plain text. Never throws; values are inserted as text, never interpreted. */
export function renderTemplate(source: string, values: TemplateValues): RenderedTemplate {
  const { nodes, errors } = parseTemplate(source);
  let text = '';
  let cursor: number | null = null;
  let afterEmptyVariable = false;
  const missing: TemplateVariable[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      // An empty value or fallback would leave "Hi , …" or a double space: close that one gap, and only that one,
      // so text without variables comes out exactly as written.
      if (afterEmptyVariable && text.endsWith(' ') && /^[ ,.!?।]/.test(node.text)) text = text.slice(0, -1);
      text += node.text;
      afterEmptyVariable = false;
    } else if (node.type === 'cursor') {
      cursor ??= text.length;
    } else {
      const value = values[node.name]?.trim();
      const rendered = value || node.fallback || '';
      if (!value && node.fallback === null && !missing.includes(node.name)) missing.push(node.name);
      text += rendered;
      afterEmptyVariable = rendered === '';
    }
  }
  if (cursor !== null && cursor > text.length) cursor = text.length;
  return { text, cursor, missing, errors };
}

/** First word of a full name ("Priya Sharma" → "Priya"); null for empty input or an email address. */
export function firstNameOf(fullName: string | null | undefined): string | null {
  if (!fullName || fullName.includes('@')) return null;
  const first = fullName.trim().split(/\s+/)[0];
  return first ? first : null;
}
