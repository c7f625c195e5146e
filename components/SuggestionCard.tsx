import type { Suggestion } from '@/scripts-library/suggestions';
import { t } from './i18n';

interface SuggestionCardProps {
  suggestion: Suggestion;
  position: number;
  onInsert(suggestion: Suggestion): void;
  onCopy(suggestion: Suggestion): void;
}

export function SuggestionCard({ suggestion, position, onInsert, onCopy }: SuggestionCardProps) {
  const { script, rendered } = suggestion;
  return (
    <li
      className="suggestion"
      data-testid="suggestion"
      data-script-id={script.id}
      data-stage={script.stage}
      data-lang={script.lang}
      data-kind={script.kind}
      lang={script.lang}
    >
      <div className="suggestion__head">
        <span className="suggestion__position" aria-hidden="true">{position}</span>
        <span className="suggestion__title">{script.title}</span>
        <span className="suggestion__kind">{script.kind.replace('_', ' ')}</span>
      </div>
      {/* Plain text only: script text is never parsed as markup. */}
      <p className="suggestion__text" data-testid="suggestion-text">{rendered.text}</p>
      {rendered.missing.length > 0 ? (
        <p className="suggestion__missing">{t('missingVariables', rendered.missing.join(', '))}</p>
      ) : null}
      <div className="suggestion__actions">
        <button type="button" data-testid="insert" className="button button--primary" onClick={() => onInsert(suggestion)}>
          {t('insert')}
        </button>
        <button type="button" data-testid="copy" className="button" onClick={() => onCopy(suggestion)}>
          {t('copy')}
        </button>
      </div>
    </li>
  );
}
