import { useState } from 'react';
import type { PhrasingCheckId, PhrasingFinding } from '@/scripts-library/phrasing';
import { t } from '../i18n';
import { checkTitle, checkWhy } from './names';

interface PhrasingPanelProps {
  findings: readonly PhrasingFinding[];
  /** Null for a script not saved yet: silencing needs a stored script. */
  onSilence: ((check: PhrasingCheckId, reason: string) => Promise<void>) | null;
  onUnsilence: ((check: PhrasingCheckId) => Promise<void>) | null;
}

export function PhrasingPanel({ findings, onSilence, onUnsilence }: PhrasingPanelProps) {
  const open = findings.filter((f) => f.silenced === undefined);
  const silenced = findings.filter((f) => f.silenced !== undefined);
  return (
    <section className="phrasing" aria-labelledby="phrasing-heading" data-testid="phrasing" data-open={open.length}>
      <h3 id="phrasing-heading" className="section-heading">
        {t('phrasingHeading')}
      </h3>
      {open.length === 0 ? (
        <p className="muted" data-testid="phrasing-clear">
          {t('phrasingClear')}
        </p>
      ) : null}
      <ul className="findings">
        {open.map((finding) => (
          <Finding key={finding.check} finding={finding} onSilence={onSilence} />
        ))}
      </ul>
      {silenced.length > 0 ? (
        <details className="findings__silenced">
          <summary>{t('phrasingSilencedCount', String(silenced.length))}</summary>
          <ul className="findings">
            {silenced.map((finding) => (
              <li key={finding.check} className="finding finding--silenced" data-testid="phrasing-silenced" data-check={finding.check}>
                <strong>{checkTitle(finding.check)}</strong>
                <p className="finding__reason">{t('phrasingSilencedBecause', finding.silenced ?? '')}</p>
                {onUnsilence ? (
                  <button type="button" className="button button--link" onClick={() => void onUnsilence(finding.check)}>
                    {t('phrasingUnsilence')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function Finding({ finding, onSilence }: { finding: PhrasingFinding; onSilence: PhrasingPanelProps['onSilence'] }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const quoted = [...new Set(finding.spans.map((s) => s.text))].slice(0, 4);
  return (
    <li className={`finding finding--${finding.severity}`} data-testid="phrasing-finding" data-check={finding.check} data-severity={finding.severity}>
      <strong className="finding__title">{checkTitle(finding.check)}</strong>
      {quoted.length ? (
        <span className="finding__quote">
          {' '}
          {quoted.map((q) => `“${q}”`).join(', ')}
        </span>
      ) : null}
      <p className="finding__why">{checkWhy(finding.check, finding.detail)}</p>
      {onSilence && !asking ? (
        <button type="button" className="button button--link" data-testid="silence-check" onClick={() => setAsking(true)}>
          {t('phrasingSilence')}
        </button>
      ) : null}
      {onSilence && asking ? (
        <form
          className="finding__silence"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) void onSilence(finding.check, reason).then(() => setAsking(false));
          }}
        >
          <label>
            <span>{t('phrasingSilenceReason')}</span>
            <input data-testid="silence-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required autoFocus />
          </label>
          <button type="submit" className="button" disabled={!reason.trim()}>
            {t('phrasingSilenceConfirm')}
          </button>
          <button type="button" className="button button--link" onClick={() => setAsking(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : null}
    </li>
  );
}
