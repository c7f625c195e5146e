import type { ConversationSnapshot, Language, Script, Stage, ScriptKind } from './schemas';
import { firstNameOf, renderTemplate, type RenderedTemplate, type TemplateValues } from './template';

/**
 * Which script languages serve a conversation in `lang`, best first: the same language, then its other script
 * (a Hinglish chat can take a Devanagari reply), then English as the lingua franca of support teams.
 */
export function replyLanguagesFor(lang: Language): Language[] {
  const order: Record<Language, Language[]> = {
    en: ['en'],
    es: ['es', 'en'],
    hi: ['hi', 'hi-Latn', 'en'],
    'hi-Latn': ['hi-Latn', 'hi', 'en'],
    ta: ['ta', 'ta-Latn', 'en'],
    'ta-Latn': ['ta-Latn', 'ta', 'en'],
    te: ['te', 'te-Latn', 'en'],
    'te-Latn': ['te-Latn', 'te', 'en'],
  };
  return order[lang];
}

/** Kinds that lead within a stage: in recovery, empathy and apology come before anything else. */
const LEADING_KINDS: Partial<Record<Stage, ScriptKind[]>> = {
  recovery: ['apology', 'empathy'],
  closing: ['gratitude', 'closing'],
};

export interface Suggestion {
  script: Script;
  rendered: RenderedTemplate;
}

export interface SuggestionRequest {
  stage: Stage;
  lang: Language;
  snapshot: ConversationSnapshot | null;
  /** Scripts already sent in this conversation go last. */
  usedTexts?: ReadonlySet<string>;
  limit?: number;
  today?: string;
  company?: string | null;
}

/** Variables a template can use, from what the adapter read. */
export function templateValuesFor(snapshot: ConversationSnapshot | null, extra: TemplateValues = {}): TemplateValues {
  return {
    'customer.name': snapshot?.customerName ?? null,
    'customer.firstName': firstNameOf(snapshot?.customerName),
    'agent.name': snapshot?.agentName ?? null,
    'agent.firstName': firstNameOf(snapshot?.agentName),
    'ticket.id': snapshot?.ticketId ?? null,
    'ticket.subject': snapshot?.subject ?? null,
    ...extra,
  };
}

/**
 * The scripts to show for this moment: the stage's scripts in the best available reply language, leading kinds
 * first, scripts matching the channel before general ones, filled in with the conversation's details.
 */
export function suggestScripts(scripts: readonly Script[], request: SuggestionRequest): Suggestion[] {
  const languages = replyLanguagesFor(request.lang);
  const channel = request.snapshot?.channel ?? null;
  const leading = LEADING_KINDS[request.stage] ?? [];
  const values = templateValuesFor(request.snapshot, { today: request.today ?? null, company: request.company ?? null });
  const candidates = scripts.filter((s) => s.stage === request.stage && languages.includes(s.lang) && (s.channel === 'any' || s.channel === channel || channel === null));
  // Show one language tier only: mixing English among Tamil suggestions pushes the right ones down.
  const bestLanguage = languages.find((lang) => candidates.some((s) => s.lang === lang));
  const chosen = candidates.filter((s) => s.lang === bestLanguage);
  const rank = (s: Script): number[] => {
    const kindRank = leading.indexOf(s.kind);
    return [
      request.usedTexts?.has(s.text) ? 1 : 0,
      kindRank === -1 ? leading.length : kindRank,
      s.channel === channel ? 0 : 1,
    ];
  };
  const ranked = chosen
    .map((script) => ({ script, key: rank(script) }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.script.id.localeCompare(b.script.id));
  return ranked.slice(0, request.limit ?? 8).map(({ script }) => ({ script, rendered: renderTemplate(script.text, values) }));
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
