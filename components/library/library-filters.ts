import { LANGUAGES, STAGES, type Language, type Script, type ScriptChannel, type ScriptKind, type Stage } from '@/scripts-library/schemas';
import { variantGroupKey } from '@/storage/library';

/** What the library list is narrowed to. `null` means "any". */
export interface LibraryFilters {
  stage: Stage | null;
  kind: ScriptKind | null;
  lang: Language | null;
  /** A pack id, or `''` for the trainer's own scripts (no pack). */
  pack: string | null;
  tag: string | null;
  channel: ScriptChannel | null;
  /** Only scripts whose language group has no version in this language. */
  missingLang: Language | null;
}

export const NO_FILTERS: LibraryFilters = { stage: null, kind: null, lang: null, pack: null, tag: null, channel: null, missingLang: null };

/** Language variants of one script, by group key (see `variantGroupKey`). */
export type VariantGroups = Map<string, Map<Language, Script>>;

export function groupVariants(scripts: readonly Script[]): VariantGroups {
  const groups: VariantGroups = new Map();
  for (const script of scripts) {
    const key = variantGroupKey(script);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Map()));
    group.set(script.lang, script);
  }
  return groups;
}

export function matchesFilters(script: Script, filters: LibraryFilters, groups: VariantGroups): boolean {
  if (filters.stage && script.stage !== filters.stage) return false;
  if (filters.kind && script.kind !== filters.kind) return false;
  if (filters.lang && script.lang !== filters.lang) return false;
  if (filters.pack !== null && (script.packId ?? '') !== filters.pack) return false;
  if (filters.tag && !script.tags.includes(filters.tag)) return false;
  if (filters.channel && script.channel !== filters.channel) return false;
  if (filters.missingLang && groups.get(variantGroupKey(script))?.has(filters.missingLang)) return false;
  return true;
}

const STAGE_ORDER = new Map(STAGES.map((s, i) => [s, i]));
const LANGUAGE_ORDER = new Map(LANGUAGES.map((l, i) => [l, i]));

/** Browsing order without a search: by stage as a conversation runs, then variants of one script together. */
export function browseOrder(scripts: readonly Script[]): Script[] {
  const keyed = scripts.map((script) => ({ script, group: variantGroupKey(script) }));
  keyed.sort(
    (a, b) =>
      (STAGE_ORDER.get(a.script.stage) ?? 0) - (STAGE_ORDER.get(b.script.stage) ?? 0) ||
      (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) ||
      (LANGUAGE_ORDER.get(a.script.lang) ?? 0) - (LANGUAGE_ORDER.get(b.script.lang) ?? 0),
  );
  return keyed.map((k) => k.script);
}

/** Tags offered in the filter: the most used ones. A large library has thousands; any tag can still be typed. */
export const OFFERED_TAGS = 200;

/** The values each filter can take, from what is in the library. */
export function filterOptions(scripts: readonly Script[]): { packs: string[]; tags: string[] } {
  const packs = new Set<string>();
  const tagCounts = new Map<string, number>();
  for (const script of scripts) {
    packs.add(script.packId ?? '');
    for (const tag of script.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  const tags = [...tagCounts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, OFFERED_TAGS)
    .map(([tag]) => tag)
    .sort();
  return { packs: [...packs].sort(), tags };
}
