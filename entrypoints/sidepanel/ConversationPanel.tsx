import { useRef, useState } from 'react';
import { ConversationSection } from '@/components/ConversationSection';
import { formatNumber, t } from '@/components/i18n';
import { FillInDialog, needsAnswers } from '@/components/library/FillInDialog';
import { HealCoach } from '@/components/panel/HealCoach';
import { SearchBox } from '@/components/panel/SearchBox';
import { SettingsSection } from '@/components/panel/SettingsSection';
import { StageTimeline } from '@/components/panel/StageTimeline';
import type { InsertableScript } from '@/components/panel/SuggestionItem';
import { SuggestionList, type SuggestionListHandle } from '@/components/panel/SuggestionList';
import { ReplyLanguagePicker, StageHeader } from '@/components/StageHeader';
import { LANGUAGES, type ConversationSnapshot } from '@/scripts-library/schemas';
import type { RenderedTemplate } from '@/scripts-library/template';
import { db } from '@/storage/database';
import { toggleFavourite } from '@/storage/usage';
import { useAgentKeys } from './agent-keys';
import { focusHelpdeskEditor } from './focus-editor';
import { copyText, insertIntoPage } from './insert-into-page';
import { usePanelStore, type ConversationAnalysis } from './panel-store';
import { recordPanelInsert, useAgentMoment, useRankingLibrary, type RankingLibrary } from './use-agent-moment';

/** The panel for a conversation read from the page: stage, suggestions, HEAL coach, timeline, what was read. */
export function ConversationPanel() {
  const snapshot = usePanelStore((s) => s.tabState?.snapshot ?? null);
  const analysis = usePanelStore((s) => s.analysis);
  const library = useRankingLibrary();
  if (!snapshot || !analysis) return null;
  return <MomentView snapshot={snapshot} analysis={analysis} library={library} />;
}

function MomentView({ snapshot, analysis, library }: { snapshot: ConversationSnapshot; analysis: ConversationAnalysis; library: RankingLibrary }) {
  const replyLanguage = usePanelStore((s) => s.replyLanguage);
  const tabId = usePanelStore((s) => s.tabId);
  const searchQuery = usePanelStore((s) => s.searchQuery);
  const timelineTurn = usePanelStore((s) => s.timelineTurn);
  const { pinStage, unpinStage, chooseReplyLanguage, showNotice, setSearchQuery, showTimelineTurn } = usePanelStore.getState();
  const moment = useAgentMoment(snapshot, analysis, replyLanguage, library, searchQuery);
  const [asking, setAsking] = useState<InsertableScript | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const list = useRef<SuggestionListHandle>(null);

  const searching = moment.searchResults !== null;
  const shown = moment.searchResults ?? moment.suggestions;

  const insert = async (item: InsertableScript, rendered: RenderedTemplate) => {
    if (tabId === null) return;
    const outcome = await insertIntoPage(tabId, rendered);
    showNotice(outcome.notice);
    if (outcome.method) recordPanelInsert(item, rendered.text, outcome.method, snapshot, moment);
  };
  const onInsert = (item: InsertableScript) => {
    // Fill-in fields, and variables the page did not give without a fallback: ask first, then insert.
    if (needsAnswers(item.rendered)) setAsking(item);
    else void insert(item, item.rendered);
  };
  const onCopy = async (item: InsertableScript) => {
    const notice = await copyText(item.rendered.text, t('copied'));
    showNotice(notice);
    if (notice.kind === 'success') recordPanelInsert(item, item.rendered.text, 'copied', snapshot, moment);
  };
  const onToggleFavourite = (item: InsertableScript) => {
    void toggleFavourite(db, item.script.id);
  };
  const backToEditor = async () => {
    if (tabId === null) return;
    if (!(await focusHelpdeskEditor(tabId))) showNotice({ kind: 'warning', text: t('insertUnreachable') });
  };

  useAgentKeys({
    insertAt(position) {
      const item = shown[position - 1];
      if (item) onInsert(item);
    },
    focusSearch: () => searchBox.current?.focus(),
    focusList: () => list.current?.focusCard(0),
    backToEditor: () => void backToEditor(),
  });

  const timelineTurns = snapshot.messages.map((m, i) => {
    const tag = analysis.tags[i];
    return {
      speaker: m.speaker,
      text: m.text,
      stage: tag?.stage ?? analysis.panelStage.stage,
      confidence: tag?.confidence ?? 0,
      dissatisfaction: tag?.dissatisfaction ?? 0,
      lang: tag?.lang ?? analysis.detectedLanguage,
    };
  });

  return (
    <>
      <StageHeader panelStage={analysis.panelStage} hasMessages={snapshot.messages.length > 0} onPin={pinStage} onUnpin={unpinStage} />
      <ReplyLanguagePicker detected={analysis.detectedLanguage} chosen={replyLanguage} languages={LANGUAGES} onChoose={chooseReplyLanguage} />
      {!snapshot.hasEditor ? <p className="notice notice--warning">{t('noEditorWarning')}</p> : null}
      <SearchBox
        ref={searchBox}
        query={searchQuery}
        onQuery={setSearchQuery}
        onEnterResults={(insertFirst) => {
          if (insertFirst && shown[0]) onInsert(shown[0]);
          else list.current?.focusCard(0);
        }}
        onEscape={() => void backToEditor()}
      />
      <section aria-labelledby="suggestions-heading" className="suggestions-section">
        <h2 id="suggestions-heading" className="section-heading">
          {searching ? t('searchResultsHeading', formatNumber(shown.length)) : t('suggestionsHeading')}
        </h2>
        <p className="keys-help" id="keys-help">
          {t('keysHelp')}
        </p>
        {library.scripts && shown.length === 0 ? <p className="muted">{searching ? t('searchNone') : t('noSuggestions')}</p> : null}
        <SuggestionList
          ref={list}
          items={shown}
          testId={searching ? 'search-result' : 'suggestion'}
          listTestId={searching ? 'search-results' : 'suggestions'}
          labelledBy="suggestions-heading"
          favourites={library.favourites}
          onInsert={onInsert}
          onCopy={(item) => void onCopy(item)}
          onToggleFavourite={onToggleFavourite}
          onLeaveTop={() => searchBox.current?.focus()}
        />
        {asking ? (
          <FillInDialog
            key={asking.script.id}
            script={asking.script}
            values={moment.values}
            options={{ ...moment.renderOptions, lang: asking.script.lang }}
            onCancel={() => setAsking(null)}
            onInsert={(rendered) => {
              const item = asking;
              setAsking(null);
              void insert(item, rendered);
            }}
          />
        ) : null}
      </section>
      {moment.heal ? (
        <HealCoach
          progress={moment.heal}
          offered={moment.offeredForStep}
          favourites={library.favourites}
          onInsert={onInsert}
          onCopy={(item) => void onCopy(item)}
          onToggleFavourite={onToggleFavourite}
        />
      ) : null}
      <StageTimeline turns={timelineTurns} selected={timelineTurn} onSelect={showTimelineTurn} />
      <ConversationSection snapshot={snapshot} />
      <SettingsSection />
    </>
  );
}
