import { useState, type DragEvent } from 'react';
import { MAX_PACK_BYTES } from '@/scripts-library/packs/format';
import { keyLabel } from '@/scripts-library/packs/signature';
import type { PackPolicy } from '@/scripts-library/packs/trust';
import type { AgentAssistDatabase } from '@/storage/database';
import { importPack, PackRefusedError, previewPackImport, type PackImportPreview, type ScriptSummary } from '@/storage/packs';

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
      setLoaded({ fileName: file.name, bytes: new Uint8Array(), preview: { ok: false, problems: [`(file): ${(file.size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_PACK_BYTES / 1024 / 1024} MB a pack may be`] } });
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
      onNotice({ kind: 'success', text: `Installed ${result.packId} ${result.version}: ${result.added} added, ${result.updated} changed, ${result.removed} removed.` });
      setLoaded(null);
    } catch (error) {
      const text = error instanceof PackRefusedError ? error.message : `Installing failed: ${String(error)}`;
      onNotice({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="packs__block" aria-labelledby="packs-import-heading">
      <h2 id="packs-import-heading" className="section-heading">Install from a file</h2>
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
        <p>Drop a pack file (.json) here, or</p>
        <label className="button">
          choose a file
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
        <p className="notice notice--error">{fileName} is not a pack that can be installed:</p>
        <ul className="packs__problems" data-testid="pack-problems">
          {preview.problems.slice(0, 50).map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
        {preview.problems.length > 50 && <p className="muted">…and {preview.problems.length - 50} more.</p>}
        <button type="button" className="button" onClick={onCancel}>Close</button>
      </div>
    );
  }
  const { pack, trust, signature, direction, installedVersion } = preview;
  const signatureText =
    signature.status === 'valid'
      ? `Signed with key ${keyLabel(signature.publicKey)}${trust.accepted && trust.trusted ? ' (trusted by your organisation)' : ''}`
      : signature.status === 'unsigned'
        ? 'Not signed'
        : 'Signature not valid';
  return (
    <div className="packs__preview" data-testid="pack-preview" data-status={trust.accepted ? direction : 'refused'} data-pack-id={pack.id} data-version={pack.version}>
      <h3>
        {pack.name} <span className="muted">{pack.version}</span>
      </h3>
      <p className="muted">
        {pack.publisher} · {pack.scriptCount} scripts · {signatureText}
        {installedVersion && ` · installed: ${installedVersion}`}
      </p>
      {pack.description && <p>{pack.description}</p>}
      {!trust.accepted ? (
        <p className="notice notice--error" role="alert" data-testid="pack-refused">{trust.reason}</p>
      ) : (
        <>
          {trust.unsigned && <p className="notice notice--warning">This pack is not signed: anyone could have written it. It will be marked as unsigned.</p>}
          {direction === 'older' && <p className="notice notice--warning">This is an older version than the installed {installedVersion}. Installing it rolls the pack back.</p>}
          {direction === 'same' && <p className="notice">This version is already installed.</p>}
          <ChangeList label="Added" testId="preview-added" scripts={preview.added} />
          <ChangeList label="Changed" testId="preview-changed" scripts={preview.changed} />
          <ChangeList label="Removed" testId="preview-removed" scripts={preview.removed} />
          <ChangeList label="Your edits kept (the pack's wording differs)" testId="preview-kept" scripts={preview.keptEdits} />
          <ChangeList label="Your edits replaced (now locked by the pack)" testId="preview-relocked" scripts={preview.relocked} />
          {preview.conflicts.length > 0 && <p className="muted">Left alone, as their ids belong to other scripts: {preview.conflicts.slice(0, 10).join(', ')}</p>}
        </>
      )}
      <div className="packs__actions">
        {trust.accepted && direction !== 'same' && (
          <button type="button" className="button button--primary" data-testid="pack-install" disabled={busy} onClick={() => onInstall(direction === 'older')}>
            {direction === 'older' ? `Roll back to ${pack.version}` : direction === 'upgrade' ? `Update to ${pack.version}` : 'Install'}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
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
        {label}: {scripts.length}
      </summary>
      <ul>
        {scripts.slice(0, SHOWN).map((script) => (
          <li key={script.id} data-script-id={script.id}>
            <strong>{script.title}</strong> <span className="muted">({script.stage}, {script.lang}{script.locked ? ', locked' : ''})</span>
            <div className="packs__text">{script.text}</div>
          </li>
        ))}
      </ul>
      {scripts.length > SHOWN && <p className="muted">…and {scripts.length - SHOWN} more.</p>}
    </details>
  );
}
