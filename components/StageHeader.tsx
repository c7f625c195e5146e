import { STAGES, type Language, type Stage } from '@/scripts-library/schemas';
import { describeEvidence, type PanelStage } from '@/scripts-library/stage';
import { t } from './i18n';
import { languageName, stageHint, stageName } from './labels';

/** Below this the detector's choice is shown as a guess, not a fact. */
const CONFIDENT = 0.6;

interface StageHeaderProps {
  panelStage: PanelStage;
  hasMessages: boolean;
  onPin(stage: Stage): void;
  onUnpin(): void;
}

export function StageHeader({ panelStage, hasMessages, onPin, onUnpin }: StageHeaderProps) {
  const { stage, confidence, pinned } = panelStage;
  const unsure = !pinned && confidence < CONFIDENT;
  const why = !hasMessages ? t('stageWhyFresh') : t('stageWhy', describeEvidence(panelStage.evidence, 3));
  return (
    <section className="stage" aria-labelledby="stage-heading">
      <div className="stage__row">
        <h2 id="stage-heading" className="stage__label">{t('stageLabel')}</h2>
        <span
          data-testid="stage"
          data-stage={stage}
          data-confidence={confidence.toFixed(2)}
          data-pinned={pinned}
          className={`stage__name stage__name--${stage}${unsure ? ' stage__name--unsure' : ''}`}
        >
          {stageName(stage)}
          {unsure ? '?' : ''}
        </span>
        <label className="stage__pin">
          <span className="visually-hidden">{t('pinStage')}</span>
          <select
            data-testid="stage-pin"
            value={pinned ? stage : ''}
            onChange={(event) => (event.target.value ? onPin(event.target.value as Stage) : onUnpin())}
            title={t('pinStage')}
          >
            <option value="">{t('pinStageAuto')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageName(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="stage__hint">{stageHint(stage)}</p>
      <p className="stage__why" data-testid="stage-evidence">
        {pinned ? t('stagePinned') : why}
      </p>
      {unsure ? <p className="stage__unsure">{t('stageLowConfidence')}</p> : null}
    </section>
  );
}

interface LanguagePickerProps {
  detected: Language;
  chosen: Language | null;
  languages: readonly Language[];
  onChoose(lang: Language | null): void;
}

export function ReplyLanguagePicker({ detected, chosen, languages, onChoose }: LanguagePickerProps) {
  return (
    <label className="reply-language">
      <span>{t('replyLanguage')}</span>
      <select
        data-testid="reply-language"
        data-lang={chosen ?? detected}
        value={chosen ?? ''}
        onChange={(event) => onChoose((event.target.value || null) as Language | null)}
      >
        <option value="">{t('replyLanguageAuto', languageName(detected))}</option>
        {languages.map((lang) => (
          <option key={lang} value={lang}>
            {languageName(lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
