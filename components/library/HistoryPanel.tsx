import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { diffStats, diffWords } from '@/scripts-library/diff';
import { db, type ScriptVersion } from '@/storage/database';
import { historyOf } from '@/storage/history';
import { t, type MessageKey } from '../i18n';
import { DiffView } from './DiffView';
import { fieldName, formatTime } from './format';

interface HistoryPanelProps {
  scriptId: string;
  currentVersion: number;
  locked: boolean;
  onRevert(version: number): Promise<void>;
}

/** Versions with content (a deletion repeats the content of the version it deleted). */
const hasContent = (v: ScriptVersion) => v.action !== 'delete';

export function HistoryPanel({ scriptId, currentVersion, locked, onRevert }: HistoryPanelProps) {
  const history = useLiveQuery(() => historyOf(db, scriptId), [scriptId]);
  const versions = useMemo(() => (history ?? []).filter(hasContent), [history]);
  const latest = versions.at(-1);
  const [fromChoice, setFrom] = useState<number | null>(null);
  const [toChoice, setTo] = useState<number | null>(null);
  const to = versions.find((v) => v.version === toChoice) ?? latest;
  const from = versions.find((v) => v.version === fromChoice) ?? versions.at(-2) ?? latest;
  const parts = useMemo(() => (from && to ? diffWords(from.script.text, to.script.text) : []), [from, to]);
  const titleParts = useMemo(() => (from && to && from.script.title !== to.script.title ? diffWords(from.script.title, to.script.title) : null), [from, to]);

  if (!history) return null;
  return (
    <section className="history" aria-labelledby="history-heading" data-testid="history">
      <h3 id="history-heading" className="section-heading">
        {t('historyHeading')}
      </h3>
      {history.length === 0 ? <p className="muted">{t('historyEmpty')}</p> : null}
      <ol className="history__list" reversed>
        {[...history].reverse().map((v) => (
          <li key={v.seq} className="history__item" data-testid="history-version" data-version={v.version} data-action={v.action}>
            <span className="history__version">v{v.version}</span> <span className="history__action">{t(`historyAction_${v.action}` as MessageKey)}</span>
            {v.revertedTo !== undefined ? ` ${t('historyRevertedTo', String(v.revertedTo))}` : ''} · {authorName(v.author)} · {formatTime(v.at)}
            {v.changed.length > 0 && v.action !== 'create' ? <span className="history__changed"> · {v.changed.map(fieldName).join(', ')}</span> : null}
            {hasContent(v) && v.version !== currentVersion && !locked ? (
              <button type="button" className="button button--link" data-testid="revert" data-version={v.version} onClick={() => void onRevert(v.version)}>
                {t('historyRevert')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {versions.length >= 2 && from && to ? (
        <div className="history__compare">
          <div className="history__pickers">
          <label>
            <span>{t('historyCompareFrom')}</span>
            <select data-testid="diff-from" value={from.version} onChange={(e) => setFrom(Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v.seq} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('historyCompareTo')}</span>
            <select data-testid="diff-to" value={to.version} onChange={(e) => setTo(Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v.seq} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </select>
          </label>
          </div>
          <DiffSummary parts={parts} />
          {titleParts ? (
            <div className="history__title-diff">
              <span className="muted">{fieldName('title')}:</span> <DiffView parts={titleParts} lang={to.script.lang} />
            </div>
          ) : null}
          <DiffView parts={parts} lang={to.script.lang} />
        </div>
      ) : null}
    </section>
  );
}

function DiffSummary({ parts }: { parts: Parameters<typeof diffStats>[0] }) {
  const { added, removed } = diffStats(parts);
  return (
    <p className="muted" data-testid="diff-summary">
      {t('historyDiffSummary', [String(added), String(removed)])}
    </p>
  );
}

function authorName(author: string): string {
  if (author.startsWith('pack:')) return t('historyAuthorPack', author.slice(5));
  return author || t('historyAuthorUnknown');
}
