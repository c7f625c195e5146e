import type { Language, Script, ScriptChannel, ScriptKind, Stage } from '@/scripts-library/schemas';
import { MAX_INCLUDE_DEPTH, includedScriptIds } from '@/scripts-library/template';
import type { AgentAssistDatabase, ScriptVersion, SilencedCheck } from './database';
import { changedFields, ensureBaseline, historyOf, recordVersion, versionOf } from './history';
import { InvalidScriptError, deleteScript, saveScriptEdit } from './scripts';
import { personalScriptsAllowed, type PolicySource } from './policy';

/**
 * The library page's writes. Every save records a version (who, when, what changed) in the same transaction as
 * the change, so history can never miss an edit or show one that did not land.
 */

export interface Editor {
  /** Who made the change, as the trainer typed their name; empty when unknown. */
  author: string;
  now?: number;
  /** Where the organisation's policy is read from (managed storage unless a test hands in a double). */
  policy?: PolicySource;
}

export type ScriptChanges = Partial<Pick<Script, 'title' | 'text' | 'lang' | 'stage' | 'kind' | 'channel' | 'tags'>>;

export interface NewScript {
  id?: string;
  title: string;
  text: string;
  lang: Language;
  stage: Stage;
  kind: ScriptKind;
  channel?: ScriptChannel;
  tags?: string[];
}

/** Language variants of one script share an id up to the language: `default.greeting.welcome.ta` → `default.greeting.welcome`. */
export function variantGroupKey(script: Pick<Script, 'id' | 'lang'>): string {
  const suffix = `.${script.lang}`;
  return script.id.endsWith(suffix) && script.id.length > suffix.length ? script.id.slice(0, -suffix.length) : script.id;
}

export function variantId(groupKey: string, lang: Language): string {
  return `${groupKey}.${lang}`;
}

/** A readable, unique id for a new script: `my.<stage>.<words of the title>.<lang>`, numbered if taken. */
export async function newScriptId(db: AgentAssistDatabase, draft: Pick<NewScript, 'title' | 'stage' | 'lang'>): Promise<string> {
  const slug =
    draft.title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || Date.now().toString(36);
  const base = `my.${draft.stage}.${slug}`;
  for (let n = 1; ; n++) {
    const group = n === 1 ? base : `${base}-${n}`;
    if (!(await db.scripts.get(variantId(group, draft.lang)))) return variantId(group, draft.lang);
  }
}

async function inTransaction<T>(db: AgentAssistDatabase, body: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.scripts, db.deletedPackScripts, db.scriptVersions], body);
}

/** Creates a script; refuses an id that is already taken (a new script never overwrites one). */
export async function createScript(db: AgentAssistDatabase, draft: NewScript, editor: Editor): Promise<Script> {
  // Every new personal script (written or duplicated) comes through here, so the policy is enforced in one place.
  if (!(await personalScriptsAllowed(editor.policy))) {
    throw new InvalidScriptError(['your organisation does not allow scripts of your own']);
  }
  const now = editor.now ?? Date.now();
  const id = draft.id ?? (await newScriptId(db, draft));
  return inTransaction(db, async () => {
    if (await db.scripts.get(id)) throw new InvalidScriptError([`id: "${id}" is already used by another script`]);
    const saved = await saveScriptEdit(
      db,
      { id, title: draft.title, text: draft.text, lang: draft.lang, stage: draft.stage, kind: draft.kind, channel: draft.channel ?? 'any', tags: draft.tags ?? [], packId: null, locked: false },
      now,
    );
    await recordVersion(db, { scriptId: id, version: saved.version, at: now, author: editor.author, action: 'create', changed: changedFields(undefined, saved), script: saved });
    return saved;
  });
}

/**
 * Saves a trainer's change. Validation happens before anything is written (a 1 MB paste is refused with the
 * reason and the stored script stays as it was); saving without a change records nothing.
 */
export async function saveScript(db: AgentAssistDatabase, id: string, changes: ScriptChanges, editor: Editor, revertedTo?: number): Promise<Script> {
  const now = editor.now ?? Date.now();
  return inTransaction(db, async () => {
    const existing = await db.scripts.get(id);
    if (!existing) throw new InvalidScriptError([`there is no script "${id}" (deleted meanwhile?)`]);
    const merged = { ...existing, ...changes };
    if (changedFields(existing, merged).length === 0) return existing;
    await ensureBaseline(db, existing, now);
    const saved = await saveScriptEdit(db, { id, ...changes }, now);
    await recordVersion(db, {
      scriptId: id,
      version: saved.version,
      at: now,
      author: editor.author,
      action: revertedTo === undefined ? 'edit' : 'revert',
      changed: changedFields(existing, saved),
      script: saved,
      ...(revertedTo === undefined ? {} : { revertedTo }),
    });
    return saved;
  });
}

/** Puts a script's wording back as it was in an earlier version; the revert is itself a new version. */
export async function revertScript(db: AgentAssistDatabase, id: string, toVersion: number, editor: Editor): Promise<Script> {
  const target = await versionOf(db, id, toVersion);
  if (!target) throw new InvalidScriptError([`version ${toVersion} of "${id}" is not in the history`]);
  const { title, text, lang, stage, kind, channel, tags } = target.script;
  return saveScript(db, id, { title, text, lang, stage, kind, channel, tags }, editor, toVersion);
}

/** A personal copy (of a locked pack script, say): same wording, new id, editable. */
export async function duplicateScript(db: AgentAssistDatabase, id: string, title: string, editor: Editor): Promise<Script> {
  const source = await db.scripts.get(id);
  if (!source) throw new InvalidScriptError([`there is no script "${id}"`]);
  const { text, lang, stage, kind, channel, tags } = source;
  return createScript(db, { title, text, lang, stage, kind, channel, tags }, editor);
}

/** Deletes a script, keeping it in history so the deletion can be undone. Locked pack scripts cannot be deleted. */
export async function deleteScriptKeepingHistory(db: AgentAssistDatabase, id: string, editor: Editor): Promise<Script | null> {
  const now = editor.now ?? Date.now();
  return inTransaction(db, async () => {
    const existing = await db.scripts.get(id);
    if (!existing) return null;
    if (existing.locked) throw new InvalidScriptError([`"${existing.title}" is locked by its pack and cannot be deleted`]);
    await ensureBaseline(db, existing, now);
    await recordVersion(db, { scriptId: id, version: existing.version, at: now, author: editor.author, action: 'delete', changed: [], script: existing });
    await deleteScript(db, id, now);
    return existing;
  });
}

/** Undoes a deletion: the script comes back exactly as it was, and a pack upgrade may update it again. */
export async function restoreScript(db: AgentAssistDatabase, id: string, editor: Editor): Promise<Script> {
  const now = editor.now ?? Date.now();
  return inTransaction(db, async () => {
    if (await db.scripts.get(id)) throw new InvalidScriptError([`"${id}" exists already; nothing to restore`]);
    const deletion = (await historyOf(db, id)).filter((v) => v.action === 'delete').at(-1);
    if (!deletion) throw new InvalidScriptError([`"${id}" was not deleted here, so it cannot be restored`]);
    await db.scripts.put(deletion.script);
    await db.deletedPackScripts.delete(id);
    await recordVersion(db, { scriptId: id, version: deletion.script.version, at: now, author: editor.author, action: 'restore', changed: [], script: deletion.script });
    return deletion.script;
  });
}

export async function silenceCheck(db: AgentAssistDatabase, scriptId: string, check: string, reason: string, editor: Editor): Promise<void> {
  const trimmed = reason.trim();
  if (!trimmed) throw new InvalidScriptError(['a silenced check needs a reason, so the next trainer knows why']);
  await db.silencedChecks.put({ scriptId, check, reason: trimmed.slice(0, 500), author: editor.author, at: editor.now ?? Date.now() });
}

export async function unsilenceCheck(db: AgentAssistDatabase, scriptId: string, check: string): Promise<void> {
  await db.silencedChecks.delete([scriptId, check]);
}

export function silencedChecksFor(db: AgentAssistDatabase, scriptId: string): Promise<SilencedCheck[]> {
  return db.silencedChecks.where('scriptId').equals(scriptId).toArray();
}

export type { ScriptVersion, SilencedCheck };

/**
 * Texts of the scripts a set of templates includes, nested includes too (as deep as the template language allows),
 * so a page can render `{{> id}}` without reading the database per keystroke.
 */
export async function includedTexts(db: AgentAssistDatabase, sources: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let wanted = [...new Set(sources.flatMap(includedScriptIds))];
  for (let depth = 0; depth < MAX_INCLUDE_DEPTH && wanted.length > 0; depth++) {
    const found = await db.scripts.bulkGet(wanted);
    const next: string[] = [];
    wanted.forEach((id, i) => {
      const script = found[i];
      if (!script || texts.has(id)) return;
      texts.set(id, script.text);
      for (const inner of includedScriptIds(script.text)) if (!texts.has(inner)) next.push(inner);
    });
    wanted = [...new Set(next)];
  }
  return texts;
}
