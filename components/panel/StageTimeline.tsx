import type { Speaker, Stage } from '@/scripts-library/schemas';
import { formatNumber, t, type MessageKey } from '../i18n';
import { stageName } from '../labels';

export interface TimelineTurn {
  speaker: Speaker;
  text: string;
  stage: Stage;
  confidence: number;
  /** 0..1; customer turns only. */
  dissatisfaction: number;
  lang: string;
}

type Mood = 'calm' | 'uneasy' | 'upset';
export function moodOf(dissatisfaction: number): Mood {
  return dissatisfaction >= 0.67 ? 'upset' : dissatisfaction >= 0.34 ? 'uneasy' : 'calm';
}
const moodName = (mood: Mood): string => t(`mood_${mood}` as MessageKey);

interface StageTimelineProps {
  turns: readonly TimelineTurn[];
  selected: number | null;
  onSelect(turn: number | null): void;
}

const MOOD_HEIGHT = 36;

/**
 * The conversation at a glance: one coloured mark per turn (its stage), labelled where the stage changes, with the
 * customer's mood drawn above it. Each mark is a button that shows its turn.
 */
export function StageTimeline({ turns, selected, onSelect }: StageTimelineProps) {
  if (turns.length === 0) return null;
  const n = turns.length;
  const customer = turns.map((turn, i) => ({ turn, i })).filter(({ turn }) => turn.speaker === 'customer');
  // Mood is shown the right way up: a calm customer high, an upset one low.
  const point = ({ turn, i }: { turn: TimelineTurn; i: number }) => `${((i + 0.5) / n) * 100},${4 + (MOOD_HEIGHT - 8) * turn.dissatisfaction}`;
  const firstMood = customer[0] ? moodOf(customer[0].turn.dissatisfaction) : null;
  const lastMood = customer.at(-1) ? moodOf(customer.at(-1)!.turn.dissatisfaction) : null;
  const picked = selected !== null ? turns[selected] : undefined;
  return (
    <section className="timeline" data-testid="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="section-heading">
        {t('timelineHeading')}
      </h2>
      {firstMood && lastMood ? (
        <svg
          className="timeline__mood"
          data-testid="timeline-mood"
          viewBox={`0 0 100 ${MOOD_HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={t('timelineMoodSummary', [moodName(firstMood), moodName(lastMood)])}
        >
          <line x1="0" x2="100" y1={MOOD_HEIGHT / 2} y2={MOOD_HEIGHT / 2} className="timeline__mood-mid" vectorEffect="non-scaling-stroke" />
          {customer.length > 1 ? <polyline points={customer.map(point).join(' ')} className="timeline__mood-line" vectorEffect="non-scaling-stroke" /> : null}
          {customer.map((c) => {
            const [x, y] = point(c).split(',');
            return <line key={c.i} x1={x} x2={x} y1={y} y2={y} className={`timeline__mood-dot timeline__mood-dot--${moodOf(c.turn.dissatisfaction)}`} vectorEffect="non-scaling-stroke" />;
          })}
        </svg>
      ) : null}
      <ol className="timeline__turns" style={{ gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))` }}>
        {turns.map((turn, i) => {
          const startsRun = i === 0 || turns[i - 1]?.stage !== turn.stage;
          const label = t('timelineTurn', [formatNumber(i + 1), t(`speaker_${turn.speaker}` as MessageKey), stageName(turn.stage)]);
          return (
            <li key={i} className="timeline__cell">
              <span className="timeline__run" aria-hidden="true">
                {startsRun ? stageName(turn.stage) : ''}
              </span>
              <button
                type="button"
                className={`timeline__turn timeline__turn--${turn.stage} timeline__turn--${turn.speaker}`}
                data-testid="timeline-turn"
                data-turn={i}
                data-stage={turn.stage}
                data-speaker={turn.speaker}
                aria-label={label}
                aria-pressed={selected === i}
                title={label}
                onClick={() => onSelect(selected === i ? null : i)}
              />
            </li>
          );
        })}
      </ol>
      {picked && selected !== null ? (
        <div className="timeline__detail" data-testid="timeline-detail" data-turn={selected} data-stage={picked.stage} role="region" aria-labelledby="timeline-detail-heading">
          <div className="timeline__detail-head">
            <h3 id="timeline-detail-heading">
              {t('timelineDetail', [formatNumber(selected + 1), t(`speaker_${picked.speaker}` as MessageKey), stageName(picked.stage)])}
            </h3>
            <button type="button" className="button" data-testid="timeline-close" onClick={() => onSelect(null)}>
              {t('timelineClose')}
            </button>
          </div>
          <p className="timeline__detail-facts">
            {t('timelineConfidence', formatNumber(picked.confidence, { style: 'percent' }))}
            {picked.speaker === 'customer' ? ` · ${t('timelineMoodOf', moodName(moodOf(picked.dissatisfaction)))}` : ''}
          </p>
          <p className="timeline__detail-text" lang={picked.lang}>
            {picked.text}
          </p>
        </div>
      ) : null}
    </section>
  );
}
