import type { HealProgress, HealStep } from '@/scripts-library/heal';
import { formatNumber, t } from '../i18n';
import type { InsertableScript } from './SuggestionItem';
import { SuggestionList } from './SuggestionList';
import { healStepHint, healStepName } from './why';

interface HealCoachProps {
  progress: HealProgress;
  offered: ReadonlyMap<HealStep, readonly InsertableScript[]>;
  favourites: ReadonlySet<string>;
  onInsert(item: InsertableScript): void;
  onCopy(item: InsertableScript): void;
  onToggleFavourite(item: InsertableScript): void;
}

/**
 * The HEAL checklist for an upset customer (Hear, Empathise and apologise, Lead to resolution, Provide responsible
 * action): each step ticks itself from what the agent has written in this recovery, sent or inserted into the reply
 * being written, and offers the scripts that carry it out.
 */
export function HealCoach({ progress, offered, favourites, onInsert, onCopy, onToggleFavourite }: HealCoachProps) {
  const doneCount = progress.steps.filter((s) => s.done).length;
  return (
    <section className="heal" data-testid="heal-coach" data-next={progress.next ?? ''} aria-labelledby="heal-heading">
      <h2 id="heal-heading" className="section-heading">
        {t('healHeading')} <span className="heal__count">{t('healCount', [formatNumber(doneCount), formatNumber(progress.steps.length)])}</span>
      </h2>
      <ol className="heal__steps">
        {progress.steps.map(({ step, done, source, cue }) => {
          const scripts = offered.get(step) ?? [];
          const next = progress.next === step;
          // Closed until asked for: the suggestions above already lead with the next step's scripts.
          return (
            <li
              key={step}
              className={`heal__step${done ? ' heal__step--done' : ''}${next ? ' heal__step--next' : ''}`}
              data-testid="heal-step"
              data-step={step}
              data-done={done}
              data-source={source ?? ''}
            >
              <div className="heal__row">
                <span className="heal__check" aria-hidden="true">
                  {done ? '✓' : ''}
                </span>
                <span className="heal__name">{healStepName(step)}</span>
                <span className="visually-hidden">{done ? t('healDone') : t('healTodo')}</span>
                {next ? <span className="heal__next">{t('healNext')}</span> : null}
              </div>
              <p className="heal__state">
                {done && cue ? t(source === 'sent' ? 'healDoneSent' : 'healDoneDraft', cue) : healStepHint(step)}
              </p>
              {scripts.length > 0 ? (
                <details className="heal__offers" data-testid="heal-offers">
                  <summary id={`heal-offers-${step}`}>{t('healScripts', formatNumber(scripts.length))}</summary>
                  <SuggestionList
                    items={scripts}
                    testId="heal-offer"
                    listTestId={`heal-offers-${step}`}
                    labelledBy={`heal-offers-${step}`}
                    favourites={favourites}
                    onInsert={onInsert}
                    onCopy={onCopy}
                    onToggleFavourite={onToggleFavourite}
                  />
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
