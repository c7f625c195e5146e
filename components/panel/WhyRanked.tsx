import type { RankFactor } from '@/scripts-library/ranking';
import type { Script } from '@/scripts-library/schemas';
import { t } from '../i18n';
import { describeFactor, formatPoints } from './why';

/**
 * "Why is this here?": the factors behind a script's rank, largest first. Shown on hover and on keyboard focus of
 * the button, and tied to it with aria-describedby so a screen reader reads it too.
 */
export function WhyRanked({ script, factors, first, id }: { script: Script; factors: readonly RankFactor[]; first: boolean; id: string }) {
  if (factors.length === 0) return null;
  const sorted = [...factors].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return (
    <span className="why">
      <button type="button" className="why__button" aria-describedby={id} data-testid="why-button">
        {t('whyButton')}
      </button>
      <span role="tooltip" id={id} className="why__tip" data-testid="why">
        <strong className="why__heading">{first ? t('whyFirst') : t('whyHere')}</strong>
        <span className="why__list">
          {sorted.map((factor) => (
            <span key={factor.factor} className={`why__factor${factor.points < 0 ? ' why__factor--minus' : ''}`} data-testid="why-factor" data-factor={factor.factor}>
              <span>{describeFactor(factor, script)}</span>
              <span className="why__points">{formatPoints(factor.points)}</span>
            </span>
          ))}
        </span>
      </span>
    </span>
  );
}
