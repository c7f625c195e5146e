import { positionOf, type TemplateError } from '@/scripts-library/template';
import { t } from '../i18n';

interface TemplateProblemsProps {
  source: string;
  errors: readonly TemplateError[];
}

/** Syntax errors where the trainer typed them: line, column, the line itself and a mark under the spot. */
export function TemplateProblems({ source, errors }: TemplateProblemsProps) {
  if (errors.length === 0) return null;
  return (
    <div className="template-problems" role="alert">
      <h3 className="section-heading">{t('templateProblemsHeading', String(errors.length))}</h3>
      <ul>
        {errors.slice(0, 20).map((error, i) => {
          const { line, column } = positionOf(source, error.index);
          const lineText = source.split('\n')[line - 1] ?? '';
          // Long lines are cut around the problem so the mark stays on screen.
          const from = Math.max(0, column - 40);
          const excerpt = lineText.slice(from, from + 80);
          return (
            <li key={i} className="template-problem" data-testid="template-error" data-index={error.index} data-line={line} data-column={column}>
              <span className="template-problem__where">{t('templateProblemAt', [String(line), String(column)])}</span>{' '}
              <span className="template-problem__message">{error.message}</span>
              <pre className="template-problem__excerpt" aria-hidden="true">
                {excerpt}
                {'\n'}
                {' '.repeat(Math.max(0, column - 1 - from))}^
              </pre>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
