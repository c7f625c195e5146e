import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { SuggestionItem, type InsertableScript } from './SuggestionItem';

export interface SuggestionListHandle {
  /** Moves keyboard focus to the card at `index` (0-based); false when there is none. */
  focusCard(index: number): boolean;
}

interface SuggestionListProps {
  items: readonly InsertableScript[];
  testId: 'suggestion' | 'search-result' | 'heal-offer';
  listTestId: string;
  labelledBy: string;
  favourites: ReadonlySet<string>;
  onInsert(item: InsertableScript): void;
  onCopy(item: InsertableScript): void;
  onToggleFavourite(item: InsertableScript): void;
  /** ArrowUp on the first card (back to the search box, say). */
  onLeaveTop?(): void;
}

/**
 * A list of insertable scripts with one keyboard stop (roving focus): arrows and Home/End move between cards,
 * Enter inserts the focused card, Tab reaches the card's own buttons.
 */
export const SuggestionList = forwardRef<SuggestionListHandle, SuggestionListProps>(function SuggestionList(
  { items, testId, listTestId, labelledBy, favourites, onInsert, onCopy, onToggleFavourite, onLeaveTop },
  ref,
) {
  const [selected, setSelected] = useState(0);
  const cards = useRef<Array<HTMLLIElement | null>>([]);
  const idsKey = items.map((i) => i.script.id).join('|');
  useEffect(() => setSelected(0), [idsKey]);

  const focusCard = (index: number): boolean => {
    const card = cards.current[index];
    if (!card) return false;
    setSelected(index);
    card.focus();
    return true;
  };
  useImperativeHandle(ref, () => ({ focusCard }));

  return (
    <ol
      className="suggestions"
      data-testid={listTestId}
      aria-labelledby={labelledBy}
      onKeyDown={(event) => {
        const onCard = event.target instanceof HTMLLIElement;
        if (!onCard || event.altKey || event.ctrlKey || event.metaKey) return;
        const move = (index: number) => {
          event.preventDefault();
          focusCard(Math.max(0, Math.min(items.length - 1, index)));
        };
        if (event.key === 'ArrowDown') move(selected + 1);
        else if (event.key === 'ArrowUp') {
          if (selected === 0 && onLeaveTop) {
            event.preventDefault();
            onLeaveTop();
          } else move(selected - 1);
        } else if (event.key === 'Home') move(0);
        else if (event.key === 'End') move(items.length - 1);
        else if (event.key === 'Enter' && items[selected]) {
          event.preventDefault();
          onInsert(items[selected]);
        }
      }}
    >
      {items.map((item, i) => (
        <SuggestionItem
          key={item.script.id}
          ref={(el) => {
            cards.current[i] = el;
          }}
          item={item}
          position={i + 1}
          testId={testId}
          idPrefix={listTestId}
          favourite={favourites.has(item.script.id)}
          selected={i === selected}
          onInsert={onInsert}
          onCopy={onCopy}
          onToggleFavourite={onToggleFavourite}
          onFocus={() => setSelected(i)}
        />
      ))}
    </ol>
  );
});
