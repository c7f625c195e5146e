import { useState, type DragEvent } from 'react';
import { formatNumber, t } from '@/components/i18n';
import { MAX_PACK_BYTES } from '@/scripts-library/packs/format';
import { keyLabel } from '@/scripts-library/packs/signature';
import type { PackPolicy } from '@/scripts-library/packs/trust';
import type { AgentAssistDatabase } from '@/storage/database';
import { importPack, PackRefusedError, previewPackImport, type PackImportPreview, type ScriptSummary } from '@/storage/packs';
import { languageLabel, refusalText, stageLabel } from './hooks';

interface Props {
  db: AgentAssistDatabase;
  policy: PackPolicy;
  onNotice(notice: { kind: 'success' | 'error'; text: string }): void;
}

type Loaded = { fileName: string; bytes: Uint8Array; preview: PackImportPreview };

/** Drop a pack file (or pick one), see what it would add, change and remove, then install it. */
export function PackDropZone({ db, policy, onNotice }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_PACK_BYTES) {
      setLoaded({ fileName: file.name, bytes: new Uint8Array(), preview: { ok: false, problems: [t('packs_fileTooLarge', [formatNumber(file.size / 1024 / 1024, { maximumFractionDigits: 1 }), formatNumber(MAX_PACK_BYTES / 1024 / 1024)])] } });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    setLoaded({ fileName: file.name, bytes, preview: await previewPackImport(db, bytes, { source: 'file', policy }) });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  };

  const install = async (allowRollback: boolean) => {
    if (!loaded) return;
    setBusy(true);
    try {
      const result = await importPack(db, loaded.bytes, { source: 'file', policy, allowRollback });
      onNotice({ kind: 'success', text: t('packs_installedResult', [result.packId, result.version, formatNumber(result.added), formatNumber(result.updated), formatNumber(result.removed)]) });
      setLoaded(null);
    } catch (error) {
      const text = error instanceof PackRefusedError ? refusalText(error) : t('packs_installFailed', String(error));
      onNotice({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="packs__block" aria-labelledby="packs-import-heading">
      <h2 id="packs-import-heading" className="section-heading">{t('packs_importHeading')}</h2>
      <div
        className={`packs__drop${dragging ? ' packs__drop--over' : ''}`}
        data-testid="pack-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('packs_dropHint')}</p>
        <label className="button">
          {t('packs_chooseFile')}
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="pack-file-input"
            onChange={(event) => {
              void load(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {loaded && <Preview loaded={loaded} busy={busy} onInstall={install} onCancel={() => setLoaded(null)} />}
    </section>
  );
}

function Preview({ loaded, busy, onInstall, onCancel }: { loaded: Loaded; busy: boolean; onInstall(allowRollback: boolean): void; onCancel(): void }) {
  const { preview, fileName } = loaded;
  if (!preview.ok) {
    return (
      <div className="packs__preview" data-testid="pack-preview" data-status="invalid" role="alert">
        <p className="notice notice--error">{t('packs_notAPack', fileName)}</p>
        <ul className="packs__problems" data-testid="pack-problems">
          {preview.problems.slice(0, 50).map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
        {preview.problems.length > 50 && <p className="muted">{t('packs_andMore', formatNumber(preview.problems.length - 50))}</p>}
        <button type="button" className="button" onClick={onCancel}>{t('packs_close')}</button>
      </div>
    );
  }
  const { pack, trust, signature, direction, installedVersion } = preview;
  const signatureText =
    signature.status === 'valid'
      ? t(trust.accepted && trust.trusted ? 'packs_signedWithTrustedKey' : 'packs_signedWithKey', keyLabel(signature.publicKey))
      : signature.status === 'unsigned'
        ? t('packs_notSigned')
        : t('packs_signatureInvalid');
  return (
    <div className="packs__preview" data-testid="pack-preview" data-status={trust.accepted ? direction : 'refused'} data-pack-id={pack.id} data-version={pack.version}>
      <h3>
        {pack.name} <span className="muted">{pack.version}</span>
      </h3>
      <p className="muted">
        {pack.publisher} · {t('packs_scriptCount', formatNumber(pack.scriptCount))} · {signatureText}
        {installedVersion && ` · ${t('packs_installedVersion', installedVersion)}`}
      </p>
      {pack.description && <p>{pack.description}</p>}
      {!trust.accepted ? (
        <p className="notice notice--error" role="alert" data-testid="pack-refused">{trust.reason}</p>
      ) : (
        <>
          {trust.unsigned && <p className="notice notice--warning">{t('packs_unsignedWarning')}</p>}
          {direction === 'older' && <p className="notice notice--warning">{t('packs_olderWarning', installedVersion ?? '')}</p>}
          {direction === 'same' && <p className="notice">{t('packs_sameVersion')}</p>}
          <ChangeList label={t('packs_changesAdded')} testId="preview-added" scripts={preview.added} />
          <ChangeList label={t('packs_changesChanged')} testId="preview-changed" scripts={preview.changed} />
          <ChangeList label={t('packs_changesRemoved')} testId="preview-removed" scripts={preview.removed} />
          <ChangeList label={t('packs_changesKept')} testId="preview-kept" scripts={preview.keptEdits} />
          <ChangeList label={t('packs_changesRelocked')} testId="preview-relocked" scripts={preview.relocked} />
          {preview.conflicts.length > 0 && <p className="muted">{t('packs_conflicts', preview.conflicts.slice(0, 10).join(', '))}</p>}
        </>
      )}
      <div className="packs__actions">
        {trust.accepted && direction !== 'same' && (
          <button type="button" className="button button--primary" data-testid="pack-install" disabled={busy} onClick={() => onInstall(direction === 'older')}>
            {direction === 'older' ? t('packs_rollBackTo', pack.version) : direction === 'upgrade' ? t('packs_updateTo', pack.version) : t('packs_install')}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>{t('packs_cancel')}</button>
      </div>
    </div>
  );
}

const SHOWN = 20;

function ChangeList({ label, testId, scripts }: { label: string; testId: string; scripts: ScriptSummary[] }) {
  if (scripts.length === 0) return null;
  return (
    <details className="packs__changes" data-testid={testId} data-count={scripts.length} open={scripts.length <= 5}>
      <summary>
        {label}: {formatNumber(scripts.length)}
      </summary>
      <ul>
        {scripts.slice(0, SHOWN).map((script) => (
          <li key={script.id} data-script-id={script.id}>
            <strong>{script.title}</strong> <span className="muted">({stageLabel(script.stage)}, {languageLabel(script.lang)}{script.locked ? `, ${t('packs_lockedBadge')}` : ''})</span>
            <div className="packs__text">{script.text}</div>
          </li>
        ))}
      </ul>
      {scripts.length > SHOWN && <p className="muted">{t('packs_andMore', formatNumber(scripts.length - SHOWN))}</p>}
    </details>
  );
}
