/**
 * Turning a message element into the text an agent sees, the same way for every adapter: block elements and `<br>`
 * become line breaks, quoted history and signatures are cut, whitespace is tidied. Pure DOM reading, no globals.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);

/**
 * Text of an element with line breaks where the page shows them, as a browser's innerText would: one break between
 * block elements, a blank line between paragraphs, a break per `<br>`. Hidden parts and quoted mail are skipped.
 */
export function elementText(root: Element): string {
  let out = '';
  let pendingBreaks = 0;
  const requestBreaks = (count: number) => {
    if (out) pendingBreaks = Math.max(pendingBreaks, count);
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ');
      if (!text.trim()) {
        if (!pendingBreaks && out && !out.endsWith(' ')) out += ' ';
        return;
      }
      if (pendingBreaks) out += '\n'.repeat(pendingBreaks);
      pendingBreaks = 0;
      out += text;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return;
    if (isQuotedHistory(el)) return;
    if (tag === 'BR') {
      out += '\n'.repeat(pendingBreaks) + '\n';
      pendingBreaks = 0;
      return;
    }
    const breaks = tag === 'P' ? 2 : BLOCK_TAGS.has(tag) ? 1 : 0;
    if (breaks) requestBreaks(breaks);
    for (const child of Array.from(el.childNodes)) walk(child);
    if (breaks) requestBreaks(breaks);
  };
  walk(root);
  return tidy(out);
}

/** Quoted earlier mails as mail clients and helpdesks mark them up. */
function isQuotedHistory(el: Element): boolean {
  const cls = typeof el.className === 'string' ? el.className : '';
  return (
    el.tagName.toUpperCase() === 'BLOCKQUOTE' && (el.getAttribute('type') === 'cite' || /quote/i.test(cls)) ||
    /\b(gmail_quote|gmail_extra|yahoo_quoted|moz-cite-prefix|zd-quoted|quoted-text|email-quote|ms-outlook-quote)\b/.test(cls)
  );
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\u00a0/g, ' ').replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Lines that begin the quoted history of a reply; everything from them on is the earlier mail. */
const HISTORY_STARTS: RegExp[] = [
  /^On .{4,200} wrote:$/i,
  /^El .{4,200} escribió:$/i,
  /^Le .{4,200} a écrit ?:$/i,
  /^Am .{4,200} schrieb .{0,100}:$/i,
  /^-{2,} ?(Original Message|Forwarded message|Mensaje original) ?-{2,}$/i,
  /^From: .+$/,
  /^_{10,}$/,
  /^##- Please type your reply above this line -##$/i,
];
/** Signature separators and mobile footers: what follows is not the message. */
const SIGNATURE_STARTS: RegExp[] = [
  /^-- ?$/,
  /^Sent from my (iPhone|iPad|Android|phone|mobile|Galaxy|Samsung).*$/i,
  /^Get Outlook for (iOS|Android).*$/i,
  /^Enviado desde mi .*$/i,
];

/** Cuts quoted history, `>` lines and signatures from a message's plain text. */
export function trimReplyNoise(text: string): string {
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (HISTORY_STARTS.some((re) => re.test(trimmed)) || SIGNATURE_STARTS.some((re) => re.test(trimmed))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  return tidy(kept.join('\n'));
}

/** The message text an adapter reports: element text with reply noise removed. */
export function messageText(el: Element): string {
  return trimReplyNoise(elementText(el));
}

/** Trimmed text content of the first match, or null: for names, subjects and ids. */
export function textOf(scope: ParentNode, selector: string): string | null {
  const el = scope.querySelector(selector);
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** An ISO time from a `<time datetime>`, a `title`, or a `data-*` attribute; null when none parses. */
export function timeOf(el: Element | null, attributes: readonly string[] = ['datetime', 'title', 'data-time', 'data-timestamp']): string | null {
  if (!el) return null;
  for (const name of attributes) {
    const raw = el.getAttribute(name);
    if (!raw) continue;
    const asNumber = /^\d{10,13}$/.test(raw) ? Number(raw.length === 10 ? Number(raw) * 1000 : raw) : NaN;
    const time = Number.isNaN(asNumber) ? Date.parse(raw) : asNumber;
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return null;
}
