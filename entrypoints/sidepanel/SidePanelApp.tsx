import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { ConversationSection } from '@/components/ConversationSection';
import { EmptyState } from '@/components/EmptyState';
import { t } from '@/components/i18n';
import { ReplyLanguagePicker, StageHeader } from '@/components/StageHeader';
import { SuggestionCard } from '@/components/SuggestionCard';
import { LANGUAGES } from '@/scripts-library/schemas';
import { replyLanguagesFor, suggestScripts, type Suggestion } from '@/scripts-library/suggestions';
import { db } from '@/storage/database';
import { ensureDefaultPack } from '@/storage/default-pack';
import { scriptsForStage } from '@/storage/scripts';
import { EnableSite } from './EnableSite';
import { copyText, insertIntoPage } from './insert-into-page';
import { usePanelStore } from './panel-store';
import { useBoundTab, useTabStateConnection } from './tab-connection';

export function SidePanelApp() {
  useBoundTab();
  useTabStateConnection();
  useEffect(() => {
    // The background installs the pack on install; this covers a database cleared since (idempotent either way).
    ensureDefaultPack(db).catch((error: unknown) => console.error('Agent Assist: default pack', error));
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
      </header>
      {notice ? (
        <p className={`notice notice--${notice.kind}`} role="status" data-testid="notice" data-kind={notice.kind}>
          {notice.text}
        </p>
      ) : null}
      {children}
    </main>
  );
}

function ConversationPanel() {
  const snapshot = usePanelStore((s) => s.tabState?.snapshot ?? null);
  const analysis = usePanelStore((s) => s.analysis);
  const replyLanguage = usePanelStore((s) => s.replyLanguage);
  const tabId = usePanelStore((s) => s.tabId);
  const { pinStage, unpinStage, chooseReplyLanguage, showNotice } = usePanelStore.getState();

  const stage = analysis?.panelStage.stage ?? 'greeting';
  const lang = replyLanguage ?? analysis?.detectedLanguage ?? 'en';
  const scripts = useLiveQuery(() => scriptsForStage(db, stage, replyLanguagesFor(lang)), [stage, lang]);
  const suggestions = useMemo(() => {
    if (!scripts || !snapshot) return [];
    const agentTexts = new Set(snapshot.messages.filter((m) => m.speaker === 'agent').map((m) => m.text.trim()));
    return suggestScripts(scripts, {
      stage,
      lang,
      snapshot,
      usedTexts: agentTexts,
      today: new Date().toLocaleDateString(lang),
    });
  }, [scripts, snapshot, stage, lang]);

  if (!snapshot || !analysis) return null;

  const onInsert = async (suggestion: Suggestion) => {
    if (tabId === null) return;
    showNotice(await insertIntoPage(tabId, suggestion.rendered));
  };
  const onCopy = async (suggestion: Suggestion) => {
    showNotice(await copyText(suggestion.rendered.text, t('copied')));
  };

  return (
    <>
      <StageHeader panelStage={analysis.panelStage} hasMessages={snapshot.messages.length > 0} onPin={pinStage} onUnpin={unpinStage} />
      <ReplyLanguagePicker detected={analysis.detectedLanguage} chosen={replyLanguage} languages={LANGUAGES} onChoose={chooseReplyLanguage} />
      {!snapshot.hasEditor ? <p className="notice notice--warning">{t('noEditorWarning')}</p> : null}
      <section aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading" className="section-heading">{t('suggestionsHeading')}</h2>
        {scripts && suggestions.length === 0 ? <p className="muted">{t('noSuggestions')}</p> : null}
        <ol className="suggestions" data-testid="suggestions">
          {suggestions.map((suggestion, i) => (
            <SuggestionCard key={suggestion.script.id} suggestion={suggestion} position={i + 1} onInsert={onInsert} onCopy={onCopy} />
          ))}
        </ol>
      </section>
      <ConversationSection snapshot={snapshot} />
    </>
  );
}
