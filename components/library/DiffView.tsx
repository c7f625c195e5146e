import type { DiffPart } from '@/scripts-library/diff';

/** A word diff as text: removed words struck through, added words marked; never parsed as markup. */
export function DiffView({ parts, lang }: { parts: readonly DiffPart[]; lang?: string }) {
  return (
    <p className="diff" data-testid="diff" lang={lang}>
      {parts.map((part, i) =>
        part.op === 'equal' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'insert' ? (
          <ins key={i} data-testid="diff-insert">
            {part.text}
          </ins>
        ) : (
          <del key={i} data-testid="diff-delete">
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}
