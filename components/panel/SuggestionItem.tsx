import { forwardRef } from 'react';
import type { RankFactor } from '@/scripts-library/ranking';
import type { Script } from '@/scripts-library/schemas';
import type { RenderedTemplate } from '@/scripts-library/template';
import { t } from '../i18n';
import { WhyRanked } from './WhyRanked';
import { kindName } from './why';

export interface InsertableScript {
  script: Script;
  rendered: RenderedTemplate;
  factors: RankFactor[];
}

interface SuggestionItemProps {
  item: InsertableScript;
  /** 1-based; 1–9 are also the keys that insert it. */
  position: number;
  /** `suggestion` (the design contract), or `search-result` / `heal-offer` for the other lists. */
  testId: 'suggestion' | 'search-result' | 'heal-offer';
  /** Unique per list, for the ids that tie labels to the card. */
  idPrefix: string;
  favourite: boolean;
  selected: boolean;
  onInsert(item: InsertableScript): void;
  onCopy(item: InsertableScript): void;
  onToggleFavourite(item: InsertableScript): void;
  onFocus(): void;
}

/**
 * One script the agent can insert. The card itself takes keyboard focus (arrows move between cards, Enter inserts);
 * its buttons stay reachable with Tab. The text is plain text only: script text is never parsed as markup.
 */
export const SuggestionItem = forwardRef<HTMLLIElement, SuggestionItemProps>(function SuggestionItem(
  { item, position, testId, idPrefix, favourite, selected, onInsert, onCopy, onToggleFavourite, onFocus },
  ref,
) {
  const { script, rendered, factors } = item;
  const titleId = `${idPrefix}-${position}-title`;
  const numbered = position <= 9;
  return (
    <li
      ref={ref}
      className={`suggestion${selected ? ' suggestion--selected' : ''}`}
      data-testid={testId}
      data-script-id={script.id}
      data-stage={script.stage}
      data-lang={script.lang}
      data-kind={script.kind}
      data-position={position}
      tabIndex={selected ? 0 : -1}
      aria-labelledby={titleId}
      aria-keyshortcuts={numbered && testId === 'suggestion' ? String(position) : undefined}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
    >
      <div className="suggestion__head">
        {numbered ? (
          <span className="suggestion__position" aria-hidden="true">
            {position}
          </span>
        ) : null}
        <span className="suggestion__title" id={titleId} lang={script.lang}>
          {script.title}
        </span>
        <span className="suggestion__kind">{kindName(script.kind)}</span>
        <button
          type="button"
          className={`icon-button${favourite ? ' icon-button--on' : ''}`}
          data-testid="favourite"
          aria-pressed={favourite}
          aria-label={favourite ? t('favouriteRemove') : t('favouriteAdd')}
          title={favourite ? t('favouriteRemove') : t('favouriteAdd')}
          onClick={() => onToggleFavourite(item)}
        >
          <span aria-hidden="true">{favourite ? '★' : '☆'}</span>
        </button>
      </div>
      <p className="suggestion__text" data-testid="suggestion-text" lang={script.lang}>
        {rendered.text}
      </p>
      {rendered.missing.length > 0 ? <p className="suggestion__missing">{t('missingVariables', rendered.missing.join(', '))}</p> : null}
      <div className="suggestion__actions">
        <button type="button" data-testid="insert" className="button button--primary" onClick={() => onInsert(item)}>
          {t('insert')}
        </button>
        <button type="button" data-testid="copy" className="button" onClick={() => onCopy(item)}>
          {t('copy')}
        </button>
        <WhyRanked script={script} factors={factors} first={position === 1} id={`${idPrefix}-${position}-why`} />
      </div>
    </li>
  );
});
