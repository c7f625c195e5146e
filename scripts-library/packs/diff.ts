import type { Pack, PackScript } from '../schemas';
import { compareVersions } from '../packs';

/** What changed between two versions of a pack, script by script: for leads reviewing a release. */

const SCRIPT_FIELDS = ['stage', 'kind', 'lang', 'channel', 'title', 'text', 'tags', 'locked'] as const;
type ScriptField = (typeof SCRIPT_FIELDS)[number];
const PACK_FIELDS = ['id', 'name', 'version', 'publisher', 'description', 'languages'] as const;
type PackField = (typeof PACK_FIELDS)[number];

export interface FieldChange<Field extends string> {
  field: Field;
  before: unknown;
  after: unknown;
}

export interface PackDiff {
  pack: FieldChange<PackField>[];
  added: PackScript[];
  removed: PackScript[];
  changed: Array<{ id: string; changes: FieldChange<ScriptField>[] }>;
  unchanged: number;
  /** Negative when NEW's version is older than OLD's, 0 when equal: both worth a warning before publishing. */
  versionOrder: number;
}

export function diffPacks(older: Pack, newer: Pack): PackDiff {
  const before = new Map(older.scripts.map((script) => [script.id, script]));
  const after = new Map(newer.scripts.map((script) => [script.id, script]));
  const diff: PackDiff = {
    pack: PACK_FIELDS.filter((field) => !sameValue(older[field], newer[field])).map((field) => ({ field, before: older[field], after: newer[field] })),
    added: newer.scripts.filter((script) => !before.has(script.id)),
    removed: older.scripts.filter((script) => !after.has(script.id)),
    changed: [],
    unchanged: 0,
    versionOrder: compareVersions(newer.version, older.version),
  };
  for (const script of newer.scripts) {
    const old = before.get(script.id);
    if (!old) continue;
    const changes = SCRIPT_FIELDS.filter((field) => !sameValue(old[field], script[field])).map((field) => ({ field, before: old[field], after: script[field] }));
    if (changes.length > 0) diff.changed.push({ id: script.id, changes });
    else diff.unchanged++;
  }
  return diff;
}

/** The diff as text lines, one change a line, in the style of a review. */
export function formatPackDiff(diff: PackDiff): string[] {
  const lines: string[] = [];
  for (const change of diff.pack) lines.push(`~ pack.${change.field}: ${show(change.before)} → ${show(change.after)}`);
  if (diff.versionOrder <= 0) {
    lines.push(diff.versionOrder === 0 ? '! the version did not change: agents already on it will not update' : '! the new version is older: agents will refuse it unless they ask for a rollback');
  }
  for (const script of diff.added) lines.push(`+ ${script.id} (${script.stage}, ${script.lang}${script.locked ? ', locked' : ''}): ${show(script.text)}`);
  for (const script of diff.removed) lines.push(`- ${script.id}: ${show(script.text)}`);
  for (const { id, changes } of diff.changed) {
    for (const change of changes) lines.push(`~ ${id}.${change.field}: ${show(change.before)} → ${show(change.after)}`);
  }
  lines.push(`${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`);
  return lines;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
