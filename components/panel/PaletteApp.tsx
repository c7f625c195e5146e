import { useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { PALETTE_MESSAGE, type PaletteRequest } from '@/entrypoints/content/palette/messages';
import { InsertResult, SnapshotMessage, type ContentRequest } from '@/scripts-library/messages';
import type { ConversationSnapshot } from '@/scripts-library/schemas';
import type { RenderedTemplate } from '@/scripts-library/template';
import { FillInDialog, needsAnswers } from '../library/FillInDialog';
import { t } from '../i18n';
import {
  PALETTE_INSERTED,
  PALETTE_SUGGESTIONS,
  type PaletteInsertedRequest,
  type PaletteItem,
  type PaletteSuggestions,
  type PaletteSuggestionsRequest,
} from './palette-service';

async function tellTab(tabId: number, request: PaletteRequest | ContentRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, request, { frameId: 0 });
}

type Load = { state: 'loading' } | { state: 'failed'; why: 'no-conversation' | 'no-service' } | { state: 'ready'; tabId: number; snapshot: ConversationSnapshot };

/**
 * The palette at the caret, for the tab that shows it: the same ranking as the side panel (computed by a first-party
 * extension context, see palette-service.ts). Type to search; arrows move; Enter, or 1–9 before typing, insert; Esc
 * closes and returns to the reply.
 */
export function PaletteApp() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const tabId = useRef<number | null>(null);

  useEffect(() => {
    void (async () => {
      // A frame in a tab belongs to that tab: its conversation comes from the page's own content script.
      const tab = await browser.tabs.getCurrent();
      if (tab?.id === undefined) return setLoad({ state: 'failed', why: 'no-conversation' });
      tabId.current = tab.id;
      const reply = SnapshotMessage.safeParse(await tellTab(tab.id, { type: 'read-now' }).catch(() => null));
      if (!reply.success || !reply.data.snapshot) return setLoad({ state: 'failed', why: 'no-conversation' });
      setLoad({ state: 'ready', tabId: tab.id, snapshot: reply.data.snapshot });
    })().catch(() => setLoad({ state: 'failed', why: 'no-conversation' }));
  }, []);

  const close = () => {
    if (tabId.current !== null) void tellTab(tabId.current, { type: PALETTE_MESSAGE, action: 'close' }).catch(() => {});
  };
  if (load.state !== 'ready') {
    return (
      <div className="palette" data-testid="palette" data-state={load.state === 'failed' ? load.why : 'loading'}>
        <p className="palette__empty" tabIndex={-1} ref={(el) => el?.focus()} onKeyDown={(e) => e.key === 'Escape' && close()}>
          {load.state === 'loading' ? t('loading') : load.why === 'no-service' ? t('paletteNeedsPanel') : t('paletteNoConversation')}
        </p>
      </div>
    );
  }
  return <PaletteList tabId={load.tabId} snapshot={load.snapshot} onClose={close} onNoService={() => setLoad({ state: 'failed', why: 'no-service' })} />;
}

function PaletteList({ tabId, snapshot, onClose, onNoService }: { tabId: number; snapshot: ConversationSnapshot; onClose(): void; onNoService(): void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [data, setData] = useState<PaletteSuggestions | null>(null);
  const [asking, setAsking] = useState<PaletteItem | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    const request: PaletteSuggestionsRequest = { type: PALETTE_SUGGESTIONS, snapshot, query };
    browser.runtime
      .sendMessage(request)
      .then((response: unknown) => {
        if (!current) return;
        const answer = response as Partial<PaletteSuggestions> | undefined;
        if (!answer?.items) onNoService();
        else setData(answer as PaletteSuggestions);
      })
      .catch(() => current && onNoService());
    setActive(0);
    return () => {
      current = false;
    };
  }, [snapshot, query, onNoService]);
  useEffect(() => input.current?.focus(), []);
  const renderOptions = useMemo(() => ({ include: (id: string) => data?.includes[id] }), [data]);
  const items = data?.items ?? [];

  const insert = async (item: PaletteItem, rendered: RenderedTemplate) => {
    const reply = InsertResult.safeParse(await tellTab(tabId, { type: 'insert', text: rendered.text, cursor: rendered.cursor }).catch(() => null));
    if (reply.success && reply.data.ok) {
      const record: PaletteInsertedRequest = { type: PALETTE_INSERTED, snapshot, scriptId: item.script.id, text: rendered.text };
      await browser.runtime.sendMessage(record).catch(() => {});
    }
    onClose();
  };
  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    if (needsAnswers(item.rendered)) setAsking(item);
    else void insert(item, item.rendered);
  };

  if (asking && data) {
    return (
      <div className="palette" data-testid="palette">
        <FillInDialog
          script={asking.script}
          values={data.values}
          options={{ ...renderOptions, lang: asking.script.lang }}
          onCancel={() => setAsking(null)}
          onInsert={(rendered) => void insert(asking, rendered)}
        />
      </div>
    );
  }
  const optionId = (i: number) => `palette-option-${i}`;
  return (
    <div className="palette" data-testid="palette" data-state={data ? 'ready' : 'loading'}>
      <div className="palette__search">
        <input
          ref={input}
          className="search__input"
          data-testid="palette-search"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={items[active] ? optionId(active) : undefined}
          aria-label={t('paletteSearch')}
          placeholder={t('paletteSearch')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setActive((a) => (items.length ? (a + step + items.length) % items.length : 0));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              choose(items[active]);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            } else if (!query && /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey) {
              // Before anything is typed, a digit picks that script; once typing starts, digits are search text.
              event.preventDefault();
              choose(items[Number(event.key) - 1]);
            }
          }}
        />
      </div>
      <ul id="palette-list" className="palette__list" role="listbox" aria-label={t('paletteTitle')}>
        {items.map((item, i) => (
          <li
            key={item.script.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="palette__option"
            data-testid="palette-item"
            data-script-id={item.script.id}
            data-lang={item.script.lang}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(item)}
          >
            <span className="palette__n" aria-hidden="true">
              {i + 1}
            </span>
            <span className="palette__title" lang={item.script.lang}>
              {item.script.title}
            </span>
            <span className="palette__text" lang={item.script.lang}>
              {item.rendered.text}
            </span>
          </li>
        ))}
      </ul>
      {data && items.length === 0 ? <p className="palette__empty">{t('searchNone')}</p> : null}
      <p className="palette__foot">{t('paletteHint')}</p>
    </div>
  );
}
