import { forwardRef } from 'react';
import { t } from '../i18n';

interface SearchBoxProps {
  query: string;
  onQuery(query: string): void;
  /** ArrowDown / Enter: into the results. */
  onEnterResults(insertFirst: boolean): void;
  onEscape(): void;
  placeholder?: string;
  autoFocus?: boolean;
}

/** Search across every script in the library, any stage, any language (`/` focuses it). */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { query, onQuery, onEnterResults, onEscape, placeholder, autoFocus },
  ref,
) {
  return (
    <div className="search" role="search">
      <label className="visually-hidden" htmlFor="script-search">
        {t('searchLabel')}
      </label>
      <input
        ref={ref}
        id="script-search"
        type="search"
        className="search__input"
        data-testid="script-search"
        value={query}
        placeholder={placeholder ?? t('searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        autoFocus={autoFocus}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            onEnterResults(false);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            onEnterResults(true);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            if (query) onQuery('');
            else onEscape();
          }
        }}
      />
    </div>
  );
});
