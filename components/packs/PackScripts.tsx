import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { formatNumber, t } from '@/components/i18n';
import type { PackPolicy } from '@/scripts-library/packs/trust';
import type { Script } from '@/scripts-library/schemas';
import type { AgentAssistDatabase } from '@/storage/database';
import { duplicateAsPersonal, keepOverride, packOverrides, PackRefusedError, resetOverride } from '@/storage/packs';
import { InvalidScriptError, saveScriptEdit } from '@/storage/scripts';
import { languageLabel, refusalText, stageLabel } from './hooks';

interface Props {
  db: AgentAssistDatabase;
  packId: string;
  policy: PackPolicy;
  onNotice(notice: { kind: 'success' | 'error'; text: string }): void;
}

const SHOWN = 100;

/**
 * A pack's scripts as this agent has them. Locked ones are read-only (duplicate them to get your own); unlocked ones
 * can be edited, which keeps the edit as a personal override that pack updates leave alone, and flag when the pack
 * changed the wording underneath.
 */
export function PackScripts({ db, packId, policy, onNotice }: Props) {
  const [filter, setFilter] = useState('');
  const scripts = useLiveQuery(() => db.scripts.where('packId').equals(packId).toArray(), [db, packId]);
  const overrides = useLiveQuery(() => packOverrides(db, packId), [db, packId]);
  if (!scripts || !overrides) return <p className="loading">{t('packs_loadingScripts')}</p>;
  const overrideById = new Map(overrides.map((o) => [o.script.id, o]));
  const needle = filter.trim().toLowerCase();
  const matching = needle ? scripts.filter((s) => `${s.title}\n${s.text}\n${s.id}`.toLowerCase().includes(needle)) : scripts;

  const act = async (run: () => Promise<string>) => {
    try {
      onNotice({ kind: 'success', text: await run() });
    } catch (error) {
      onNotice({ kind: 'error', text: error instanceof PackRefusedError ? refusalText(error) : error instanceof InvalidScriptError ? error.message : String(error) });
    }
  };

  return (
    <div className="packs__scripts" data-testid="pack-scripts">
      <input type="search" placeholder={t('packs_filterScripts')} aria-label={t('packs_filterScripts')} value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />
      <ul className="packs__list">
        {matching.slice(0, SHOWN).map((script) => (
          <ScriptRow
            key={script.id}
            script={script}
            stalePackText={overrideById.get(script.id)?.stale ? (overrideById.get(script.id)?.packText ?? null) : null}
            canDuplicate={policy.allowPersonalScripts}
            onSave={(text) => act(async () => {
              await saveScriptEdit(db, { id: script.id, text });
              return t('packs_savedWording', script.title);
            })}
            onDuplicate={() => act(async () => {
              const copy = await duplicateAsPersonal(db, script.id, { policy });
              return t('packs_duplicated', copy.title);
            })}
            onReset={() => act(async () => {
              await resetOverride(db, script.id);
              return t('packs_resetWording', script.title);
            })}
            onKeep={() => act(async () => {
              await keepOverride(db, script.id);
              return t('packs_keptWording', script.title);
            })}
          />
        ))}
      </ul>
      {matching.length > SHOWN && <p className="muted">{t('packs_showingFirst', [formatNumber(SHOWN), formatNumber(matching.length)])}</p>}
    </div>
  );
}

interface RowProps {
  script: Script;
  stalePackText: string | null;
  canDuplicate: boolean;
  onSave(text: string): Promise<void>;
  onDuplicate(): Promise<void>;
  onReset(): Promise<void>;
  onKeep(): Promise<void>;
}

function ScriptRow({ script, stalePackText, canDuplicate, onSave, onDuplicate, onReset, onKeep }: RowProps) {
  const [draft, setDraft] = useState(script.text);
  // The stored text moves under the draft when a pack update or "use the pack's wording" lands.
  useEffect(() => setDraft(script.text), [script.text]);
  const textId = `pack-script-text-${script.id}`;
  return (
    <li className="packs__item" data-testid="pack-script" data-script-id={script.id} data-locked={String(script.locked)} data-edited={String(script.editedLocally)}>
      <div className="packs__row">
        <label htmlFor={textId}>
          <strong>{script.title}</strong> <span className="muted">({stageLabel(script.stage)}, {languageLabel(script.lang)})</span>
        </label>
        {script.locked && <span className="packs__badge" data-testid="locked-badge" title={t('packs_lockedTitle')}>{t('packs_lockedBadge')}</span>}
        {script.editedLocally && <span className="packs__badge">{t('packs_editedBadge')}</span>}
      </div>
      <textarea
        id={textId}
        className="packs__textarea"
        data-testid="pack-script-text"
        value={script.locked ? script.text : draft}
        readOnly={script.locked}
        aria-readonly={script.locked}
        rows={Math.min(6, Math.max(2, Math.ceil(script.text.length / 70)))}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      {stalePackText !== null && (
        <div className="notice notice--warning" data-testid="override-stale">
          <p>{t('packs_staleNotice')}</p>
          <p className="packs__text">{stalePackText}</p>
          <div className="packs__actions">
            <button type="button" className="button" data-testid="use-pack-wording" onClick={() => void onReset()}>{t('packs_usePackWording')}</button>
            <button type="button" className="button" data-testid="keep-my-wording" onClick={() => void onKeep()}>{t('packs_keepMine')}</button>
          </div>
        </div>
      )}
      <div className="packs__actions">
        {!script.locked && (
          <button type="button" className="button" data-testid="save-script" disabled={draft === script.text} onClick={() => void onSave(draft)}>
            {t('packs_saveWording')}
          </button>
        )}
        {script.editedLocally && stalePackText === null && (
          <button type="button" className="button" onClick={() => void onReset()}>{t('packs_usePackWording')}</button>
        )}
        <button
          type="button"
          className="button"
          data-testid="duplicate-script"
          disabled={!canDuplicate}
          title={canDuplicate ? undefined : t('packs_noPersonalScriptsTitle')}
          onClick={() => void onDuplicate()}
        >
          {t('packs_duplicate')}
        </button>
      </div>
    </li>
  );
}
