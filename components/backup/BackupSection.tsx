import { useState } from 'react';
import { t, type MessageKey } from '@/components/i18n';
import { storageProblemText } from '@/components/StorageErrorBanner';
import {
  BackupExportError,
  BackupRefusedError,
  backupFileName,
  checkBackup,
  exportLibrary,
  libraryCounts,
  MAX_BACKUP_CHARS,
  restoreLibrary,
  serializeBackup,
  type BackupCheck,
} from '@/storage/backup';
import { db as defaultDb, type AgentAssistDatabase } from '@/storage/database';
import { classifyStorageError } from '@/storage/storage-errors';
import { downloadTextFile } from './download';
import './backup.css';

export interface BackupSectionProps {
  db?: AgentAssistDatabase;
  /** How the file reaches the person; tests hand in a double. */
  download?: (fileName: string, text: string) => void;
}

type Notice = { kind: 'success' | 'error'; text: string; action?: string };

interface Loaded {
  fileName: string;
  text: string;
  check: BackupCheck;
  /** Rows per table now: what the restore would replace. */
  current: Record<string, number>;
}

const TABLE_LABELS: Record<string, MessageKey> = {
  scripts: 'backupTable_scripts',
  packs: 'backupTable_packs',
  deletedPackScripts: 'backupTable_deletedPackScripts',
  scriptVersions: 'backupTable_scriptVersions',
  silencedChecks: 'backupTable_silencedChecks',
  insertEvents: 'backupTable_insertEvents',
  scriptUsage: 'backupTable_scriptUsage',
  favouriteScripts: 'backupTable_favouriteScripts',
};

/** A file's bytes can be up to three per character (Indic scripts in UTF-8); anything larger is not worth reading. */
const MAX_FILE_BYTES = MAX_BACKUP_CHARS * 3;

/** A failure that is not about the file itself: the storage's own problem, told with what to do. */
function storageNotice(error: unknown): Notice {
  const { title, action } = storageProblemText({ kind: classifyStorageError(error) });
  return { kind: 'error', text: title, action };
}

/**
 * "Backup and restore": the whole library to one file, and back. Restoring shows what the file holds and what it
 * replaces, and asks before anything is written; a file that cannot be restored says why, and nothing changes.
 * Self-contained, so any extension page can mount it.
 */
export function BackupSection({ db = defaultDb, download = downloadTextFile }: BackupSectionProps) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  const saveBackup = async () => {
    setBusy(true);
    try {
      const backup = await exportLibrary(db);
      const fileName = backupFileName();
      download(fileName, serializeBackup(backup));
      setNotice({ kind: 'success', text: t('backupExported', [String(backup.tables.scripts?.length ?? 0), fileName]) });
    } catch (error) {
      setNotice(error instanceof BackupExportError ? { kind: 'error', text: t('backupExportFailed', error.message) } : storageNotice(error));
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    setBusy(true);
    try {
      const text = file.size > MAX_FILE_BYTES ? null : await file.text();
      const check: BackupCheck =
        text === null ? { ok: false, problems: [`(file): ${(file.size / 1024 / 1024).toFixed(0)} MB is far larger than any backup`] } : checkBackup(db, text);
      setLoaded({ fileName: file.name, text: text ?? '', check, current: await libraryCounts(db) });
    } catch (error) {
      setNotice(storageNotice(error));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!loaded?.check.ok) return;
    setBusy(true);
    try {
      const result = await restoreLibrary(db, loaded.text);
      setLoaded(null);
      setNotice({ kind: 'success', text: t('backupRestored', String(result.counts.scripts ?? 0)) });
    } catch (error) {
      if (error instanceof BackupRefusedError) setLoaded({ ...loaded, check: { ok: false, problems: error.problems } });
      else setNotice(storageNotice(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="backup" data-testid="backup-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p className="muted">{t('backupIntro')}</p>
      <div className="backup__actions">
        <button type="button" className="button button--primary" data-testid="backup-export" disabled={busy} onClick={() => void saveBackup()}>
          {t('backupExport')}
        </button>
        <label className="button">
          {t('backupChooseFile')}
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="backup-file-input"
            disabled={busy}
            onChange={(event) => {
              void readFile(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {notice ? (
        <div className={`notice notice--${notice.kind}`} data-testid="backup-notice" data-kind={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.action ? <p>{notice.action}</p> : null}
        </div>
      ) : null}
      {loaded ? <Preview loaded={loaded} busy={busy} onRestore={() => void restore()} onSaveCurrent={() => void saveBackup()} onCancel={() => setLoaded(null)} /> : null}
    </section>
  );
}

const SHOWN_PROBLEMS = 50;

function Preview({ loaded, busy, onRestore, onSaveCurrent, onCancel }: { loaded: Loaded; busy: boolean; onRestore(): void; onSaveCurrent(): void; onCancel(): void }) {
  const { check, fileName, current } = loaded;
  if (!check.ok) {
    return (
      <div className="backup__preview" data-testid="backup-preview" data-status="invalid" role="alert">
        <p className="notice notice--error">{t('backupInvalid', fileName)}</p>
        <ul className="backup__problems" data-testid="backup-problems">
          {check.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
        {check.problems.length > SHOWN_PROBLEMS ? <p className="muted">{t('backupMoreProblems', String(check.problems.length - SHOWN_PROBLEMS))}</p> : null}
        <p>{t('backupInvalidAction')}</p>
        <div className="backup__actions">
          <button type="button" className="button" data-testid="backup-cancel" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    );
  }
  const { summary } = check;
  const saved = new Date(summary.exportedAt);
  const languages = Object.entries(summary.scriptsByLanguage)
    .sort(([, a], [, b]) => b - a)
    .map(([lang, count]) => `${lang} ${count}`)
    .join(', ');
  return (
    <div className="backup__preview" data-testid="backup-preview" data-status="valid" data-scripts={summary.counts.scripts ?? 0}>
      <h3>{t('backupPreviewTitle', fileName)}</h3>
      <p className="muted">{t('backupPreviewSaved', Number.isNaN(saved.getTime()) ? summary.exportedAt : formatDate(saved, { dateStyle: 'medium', timeStyle: 'short' }))}</p>
      <ul className="backup__counts" data-testid="backup-counts">
        {Object.entries(summary.counts).map(([table, count]) => (
          <li key={table} data-table={table} data-count={count}>
            {TABLE_LABELS[table] ? t(TABLE_LABELS[table]) : table}: {count}
          </li>
        ))}
      </ul>
      {languages ? <p>{t('backupPreviewLanguages', languages)}</p> : null}
      {summary.packs.length > 0 ? <p>{t('backupPreviewPacks', summary.packs.map((p) => `${p.name} ${p.version}`).join(', '))}</p> : null}
      <p className="notice notice--warning" data-testid="backup-replace-warning">
        {t('backupReplaceWarning', String(current.scripts ?? 0))}
      </p>
      <div className="backup__actions">
        <button type="button" className="button button--primary" data-testid="backup-restore" disabled={busy} onClick={onRestore}>
          {t('backupConfirm')}
        </button>
        <button type="button" className="button" data-testid="backup-save-current" disabled={busy} onClick={onSaveCurrent}>
          {t('backupSaveCurrentFirst')}
        </button>
        <button type="button" className="button" data-testid="backup-cancel" disabled={busy} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
