import type Dexie from 'dexie';
import { Component, useEffect, useSyncExternalStore, type ErrorInfo, type ReactNode } from 'react';
import { classifyStorageError, storageProblems, watchStorageHealth, type StorageProblem, type StorageProblemKind, type StorageProblemLog } from '@/storage/storage-errors';
import { t, type MessageKey } from './i18n';

/** Each kind of storage problem as a person reads it: what happened, and what to do about it. */
const MESSAGES: Record<StorageProblemKind, { title: MessageKey; action: MessageKey; offerReload: boolean }> = {
  quota: { title: 'storageErrorQuotaTitle', action: 'storageErrorQuotaAction', offerReload: false },
  blocked: { title: 'storageErrorBlockedTitle', action: 'storageErrorBlockedAction', offerReload: false },
  'upgraded-elsewhere': { title: 'storageErrorUpgradedTitle', action: 'storageErrorUpgradedAction', offerReload: true },
  'newer-version': { title: 'storageErrorNewerTitle', action: 'storageErrorNewerAction', offerReload: true },
  unavailable: { title: 'storageErrorUnavailableTitle', action: 'storageErrorUnavailableAction', offerReload: false },
  closed: { title: 'storageErrorClosedTitle', action: 'storageErrorClosedAction', offerReload: true },
  unknown: { title: 'storageErrorUnknownTitle', action: 'storageErrorUnknownAction', offerReload: true },
};

export function storageProblemText(problem: Pick<StorageProblem, 'kind'>): { title: string; action: string } {
  const messages = MESSAGES[problem.kind];
  return { title: t(messages.title), action: t(messages.action) };
}

interface Props {
  /** Watched for upgrades that another page blocks or makes; omit to show reported problems only. */
  db?: Dexie;
  log?: StorageProblemLog;
}

/**
 * Storage problems this page met, each with what to do. Also catches storage errors nobody handled (an unhandled
 * rejection from Dexie), so a failed save is never only a line in the console.
 */
export function StorageErrorBanner({ db, log = storageProblems }: Props) {
  const problems = useSyncExternalStore(
    (onChange) => log.subscribe(onChange),
    () => log.current(),
  );

  useEffect(() => (db ? watchStorageHealth(db, log) : undefined), [db, log]);

  useEffect(() => {
    const onUnhandled = (event: PromiseRejectionEvent) => {
      // Only errors that are recognisably storage errors: anything else is not this banner's to explain.
      if (classifyStorageError(event.reason) !== 'unknown') log.reportError(event.reason, 'saving or reading the library');
    };
    addEventListener('unhandledrejection', onUnhandled);
    return () => removeEventListener('unhandledrejection', onUnhandled);
  }, [log]);

  if (problems.length === 0) return null;
  return (
    <div className="storage-errors" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {problems.map((problem) => {
        const { title, action } = storageProblemText(problem);
        return (
          <div key={problem.kind} className="notice notice--error storage-error" role="alert" data-testid="storage-error" data-kind={problem.kind}>
            <strong>{title}</strong>
            <p className="storage-error__action" style={{ margin: '4px 0' }}>{action}</p>
            <details>
              <summary>{t('storageErrorDetails')}</summary>
              <code data-testid="storage-error-detail" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}>{`${problem.detail} (${problem.during})`}</code>
            </details>
            <div className="storage-error__buttons" style={{ display: 'flex', gap: 6, marginTop: 6 }}>
              {MESSAGES[problem.kind].offerReload ? (
                <button type="button" className="button" onClick={() => location.reload()}>
                  {t('storageErrorReload')}
                </button>
              ) : null}
              <button type="button" className="button" data-testid="storage-error-dismiss" onClick={() => log.dismiss(problem.kind)}>
                {t('dismiss')}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}

interface BoundaryProps {
  children: ReactNode;
  log?: StorageProblemLog;
}

/**
 * `useLiveQuery` throws a failed read into rendering, which would leave a blank page. Around the part of a page that
 * reads the library, this turns a storage error into a banner report and a "Try again" (which re-runs the reads);
 * any other error goes on up as before, since it is a bug and not the storage's doing.
 */
export class StorageErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo) {
    if (classifyStorageError(error) !== 'unknown') (this.props.log ?? storageProblems).reportError(error, 'reading the script library');
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (classifyStorageError(error) === 'unknown') throw error;
    return (
      <p className="muted" data-testid="storage-error-fallback">
        <button type="button" className="button" data-testid="storage-error-retry" onClick={() => this.setState({ error: null })}>
          {t('storageErrorRetry')}
        </button>
      </p>
    );
  }
}
