import { useEffect } from 'react';
import { BackupMenu } from '@/components/backup/BackupMenu';
import { t } from '@/components/i18n';
import { InsightsDashboard } from '@/components/insights/InsightsDashboard';
import { Filters } from '@/components/library/Filters';
import { Playground } from '@/components/library/Playground';
import { ScriptEditor } from '@/components/library/ScriptEditor';
import { ScriptList } from '@/components/library/ScriptList';
import { useFilteredScripts, useLibraryData } from '@/components/library/useLibrary';
import { StorageErrorBanner } from '@/components/StorageErrorBanner';
import { db } from '@/storage/database';
import { ensureDefaultPack } from '@/storage/default-pack';
import { restoreScript } from '@/storage/library';
import { reportStorageError } from '@/storage/storage-errors';
import { useLibraryStore } from './library-store';

/** The script library: browse, search, write and review scripts; try them in the playground. */
export function LibraryApp() {
  const view = useLibraryStore((s) => s.view);
  const trainerName = useLibraryStore((s) => s.trainerName);
  const { showView, setTrainerName } = useLibraryStore.getState();
  const data = useLibraryData();

  useEffect(() => {
    // The background installs the pack on install; this covers a database cleared since (idempotent either way).
    ensureDefaultPack(db).catch((error: unknown) => reportStorageError(error, 'installing the default pack'));
    const fromHash = () => showView(location.hash === '#playground' ? 'playground' : location.hash === '#insights' ? 'insights' : 'library');
    fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, [showView]);

  return (
    <div className="library-page" data-testid="library-page" data-view={view}>
      <header className="library-page__header">
        <h1>{t('libraryPageTitle')}</h1>
        <nav className="tabs" aria-label={t('libraryViews')}>
          <a href="#library" className={`tab${view === 'library' ? ' tab--active' : ''}`} aria-current={view === 'library' ? 'page' : undefined} data-testid="tab-library">
            {t('libraryTab')}
          </a>
          <a href="#playground" className={`tab${view === 'playground' ? ' tab--active' : ''}`} aria-current={view === 'playground' ? 'page' : undefined} data-testid="tab-playground">
            {t('playgroundTab')}
          </a>
          <a href="#insights" className={`tab${view === 'insights' ? ' tab--active' : ''}`} aria-current={view === 'insights' ? 'page' : undefined} data-testid="tab-insights">
            {t('insightsTab')}
          </a>
        </nav>
        <label className="trainer">
          <span>{t('trainerName')}</span>
          <input data-testid="trainer-name" value={trainerName} onChange={(e) => setTrainerName(e.target.value)} placeholder={t('trainerNameHint')} maxLength={80} />
        </label>
        <BackupMenu />
      </header>
      <NoticeBar />
      <StorageErrorBanner db={db} />
      {data.scripts === undefined ? (
        <p className="loading">{t('libraryLoading')}</p>
      ) : view === 'insights' ? (
        <InsightsDashboard />
      ) : view === 'playground' ? (
        <Playground scripts={data.scripts} byId={data.byId} />
      ) : (
        <LibraryView data={data} />
      )}
    </div>
  );
}

function LibraryView({ data }: { data: ReturnType<typeof useLibraryData> }) {
  const query = useLibraryStore((s) => s.query);
  const filters = useLibraryStore((s) => s.filters);
  const selectedId = useLibraryStore((s) => s.selectedId);
  const draft = useLibraryStore((s) => s.draft);
  const trainerName = useLibraryStore((s) => s.trainerName);
  const { setQuery, setFilter, clearFilters, select, startDraft, showNotice } = useLibraryStore.getState();
  const { items, searching } = useFilteredScripts(data, query, filters);
  const selected = selectedId ? (data.byId.get(selectedId) ?? null) : null;

  return (
    <main className="library">
      <aside className="library__browse" aria-label={t('libraryBrowse')}>
        <div className="library__toolbar">
          <input
            type="search"
            className="library__search"
            data-testid="library-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('librarySearchHint')}
            aria-label={t('librarySearch')}
            autoFocus
          />
          <button
            type="button"
            className="button button--primary"
            data-testid="new-script"
            onClick={() => startDraft({ title: '', text: '', lang: filters.lang ?? 'en', stage: filters.stage ?? 'greeting', kind: filters.kind ?? 'greeting', channel: 'any', tags: [] })}
          >
            {t('newScript')}
          </button>
        </div>
        <Filters filters={filters} packs={data.options.packs} tags={data.options.tags} onChange={setFilter} onClear={clearFilters} />
        <p className="muted library__count" data-testid="result-count" data-count={items.length} aria-live="polite" aria-busy={searching}>
          {t('libraryCount', [String(items.length), String(data.scripts?.length ?? 0)])}
        </p>
        <ScriptList items={items} groups={data.groups} selectedId={selectedId} onSelect={select} />
      </aside>
      <div className="library__detail">
        <ScriptEditor
          key={selected?.id ?? draft?.id ?? (draft ? 'draft' : 'none')}
          script={selected}
          draft={selected ? null : draft}
          byId={data.byId}
          groups={data.groups}
          author={trainerName.trim()}
          onSelect={select}
          onDraft={startDraft}
          onNotice={showNotice}
        />
      </div>
    </main>
  );
}

function NoticeBar() {
  const notice = useLibraryStore((s) => s.notice);
  const trainerName = useLibraryStore((s) => s.trainerName);
  const { showNotice, select } = useLibraryStore.getState();
  if (!notice) return null;
  const undo = async () => {
    if (!notice.undoScriptId) return;
    try {
      const restored = await restoreScript(db, notice.undoScriptId, { author: trainerName.trim() });
      showNotice({ kind: 'success', text: t('restoredScript', restored.title) });
      select(restored.id);
    } catch (error) {
      showNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <p className={`notice notice--${notice.kind} library-notice`} role="status" data-testid="notice" data-kind={notice.kind}>
      {notice.text}
      {notice.undoScriptId ? (
        <button type="button" className="button button--link" data-testid="undo" onClick={() => void undo()}>
          {t('undo')}
        </button>
      ) : null}
      <button type="button" className="button button--link library-notice__close" aria-label={t('dismiss')} onClick={() => showNotice(null)}>
        ×
      </button>
    </p>
  );
}
