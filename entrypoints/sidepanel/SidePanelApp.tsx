import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { EmptyState } from '@/components/EmptyState';
import { t } from '@/components/i18n';
import { StorageErrorBanner, StorageErrorBoundary } from '@/components/StorageErrorBanner';
import { db } from '@/storage/database';
import { ensureDefaultPack } from '@/storage/default-pack';
import { reportStorageError } from '@/storage/storage-errors';
import { ConversationPanel } from './ConversationPanel';
import { EnableSite } from './EnableSite';
import { usePanelStore } from './panel-store';
import { useBoundTab, useTabStateConnection } from './tab-connection';

export function SidePanelApp() {
  useBoundTab();
  useTabStateConnection();
  useEffect(() => {
    // The background installs the pack on install; this covers a database cleared since (idempotent either way).
    ensureDefaultPack(db).catch((error: unknown) => reportStorageError(error, 'installing the default pack'));
  }, []);

  const tabState = usePanelStore((s) => s.tabState);
  if (!tabState) return <Shell><p className="loading">{t('loading')}</p></Shell>;
  if (tabState.status === 'unsupported') {
    return (
      <Shell>
        <EmptyState kind="unsupported" title={t('emptyUnsupportedTitle')} body={t('emptyUnsupportedBody')} />
        <EnableSite tabId={tabState.tabId} />
      </Shell>
    );
  }
  if (!tabState.snapshot) {
    return <Shell><EmptyState kind="no-conversation" title={t('emptyNoConversationTitle')} body={t('emptyNoConversationBody')} /></Shell>;
  }
  return <Shell><ConversationPanel /></Shell>;
}

function Shell({ children }: { children: React.ReactNode }) {
  const notice = usePanelStore((s) => s.notice);
  return (
    <main className="panel">
      <header className="panel__header">
        <h1>{t('extensionName')}</h1>
        <a
          href="/options.html"
          target="_blank"
          className="panel__library-link"
          data-testid="open-library"
          onClick={(event) => {
            // The extension's own way to open (or focus) the library page; the link works if that API is missing.
            if (!browser.runtime.openOptionsPage) return;
            event.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('openLibrary')}
        </a>
      </header>
      {notice ? (
        <p className={`notice notice--${notice.kind}`} role="status" data-testid="notice" data-kind={notice.kind}>
          {notice.text}
        </p>
      ) : null}
      <StorageErrorBanner db={db} />
      <StorageErrorBoundary>{children}</StorageErrorBoundary>
    </main>
  );
}
