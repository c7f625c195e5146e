import { downloadTextFile } from '../backup/download';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { STAGES } from '@/scripts-library/schemas';
import { db } from '@/storage/database';
import { clearUsage } from '@/storage/usage';
import { formatDate, formatNumber, t, type MessageKey } from '../i18n';
import { stageName } from '../labels';
import { BarList, ColumnChart } from './charts';
import { insertsCsv } from './csv';
import { localDay, summariseInserts } from './summary';
import './insights.css';

const PERIODS = [7, 30, 90, 0] as const;
type Period = (typeof PERIODS)[number];
const DAY_MS = 86_400_000;

/**
 * What worked: the agent's inserts and what followed them, from this browser's own records (never sent anywhere),
 * with a CSV export for team leads. Self-contained: mounts on any extension page.
 */
export function InsightsDashboard() {
  const [period, setPeriod] = useState<Period>(30);
  const events = useLiveQuery(() => db.insertEvents.toArray(), []);
  const scripts = useLiveQuery(() => db.scripts.toArray(), []);
  const titles = useMemo(() => new Map((scripts ?? []).map((s) => [s.id, s])), [scripts]);
  const now = Date.now();
  const since = period === 0 ? 0 : now - period * DAY_MS;
  const summary = useMemo(() => (events ? summariseInserts(events, since, now) : null), [events, since, now]);
  const titleOf = (id: string) => titles.get(id)?.title ?? id;
  const langOf = (id: string) => titles.get(id)?.lang;

  const exportCsv = () => {
    const csv = insertsCsv((events ?? []).filter((e) => e.at >= since), (id) => titles.get(id)?.title);
    // A byte-order mark, so spreadsheet programs read Hindi, Tamil and Telugu titles as UTF-8.
    downloadTextFile(`agent-assist-inserts-${localDay(now)}.csv`, `\ufeff${csv}`, 'text/csv;charset=utf-8');
  };
  const forget = async () => {
    if (confirm(t('insightsClearConfirm'))) await clearUsage(db);
  };

  return (
    <section className="insights" data-testid="insights" aria-labelledby="insights-heading">
      <header className="insights__header">
        <h2 id="insights-heading">{t('insightsHeading')}</h2>
        <label className="insights__period">
          <span>{t('insightsPeriod')}</span>
          <select data-testid="insights-period" value={period} onChange={(e) => setPeriod(Number(e.target.value) as Period)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {p === 0 ? t('insightsPeriodAll') : t('insightsPeriodDays', formatNumber(p))}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" data-testid="export-csv" onClick={exportCsv} disabled={!events?.length}>
          {t('insightsExportCsv')}
        </button>
        <button type="button" className="button" data-testid="clear-usage" onClick={() => void forget()} disabled={!events?.length}>
          {t('insightsClear')}
        </button>
      </header>
      <p className="insights__privacy">{t('insightsPrivacy')}</p>
      {!summary ? (
        <p className="muted">{t('libraryLoading')}</p>
      ) : summary.total === 0 ? (
        <p className="muted" data-testid="insights-empty">
          {t('insightsEmpty')}
        </p>
      ) : (
        <>
          <p className="insights__totals" data-testid="insights-total" data-total={summary.total}>
            {t('insightsTotals', [formatNumber(summary.total), formatNumber(summary.sent)])}
          </p>
          <div className="insights__grid">
            <BarList
              testId="chart-stage"
              caption={t('insightsPerStage')}
              items={STAGES.map((stage) => ({ key: stage, label: stageName(stage), value: summary.perStage[stage], color: `var(--stage-${stage})` }))}
            />
            <ColumnChart
              testId="chart-day"
              caption={t('insightsPerDay')}
              labelHeading={t('insightsDay')}
              valueHeading={t('insightsInserts')}
              items={summary.perDay.map(({ day, count }) => ({ key: day, label: formatDate(new Date(`${day}T12:00:00`), { day: 'numeric', month: 'short' }), value: count }))}
            />
            <BarList
              testId="chart-top"
              caption={t('insightsTopScripts')}
              items={summary.topScripts.map(({ scriptId, count }) => ({ key: scriptId, label: titleOf(scriptId), value: count, lang: langOf(scriptId) }))}
            />
            <BarList
              testId="chart-edited"
              caption={t('insightsEditedMost')}
              max={1}
              items={summary.editedMost.map((r) => ({
                key: r.scriptId,
                label: titleOf(r.scriptId),
                value: r.rate,
                valueLabel: t('insightsEditedRate', [formatNumber(r.edited), formatNumber(r.sent)]),
                color: 'var(--warning)',
                lang: langOf(r.scriptId),
              }))}
            />
            <div>
              <BarList
                testId="chart-mood"
                caption={t('insightsMoodAfterApology')}
                max={1}
                items={summary.moodAfterApology.map((r) => ({
                  key: r.scriptId,
                  label: titleOf(r.scriptId),
                  value: 1 - r.meanDissatisfaction,
                  valueLabel: t('insightsMoodValue', [moodWord(r.meanDissatisfaction), formatNumber(r.answered)]),
                  color: 'var(--success)',
                  lang: langOf(r.scriptId),
                }))}
              />
              <p className="insights__note">
                {summary.apologyMood
                  ? t('insightsMoodOverall', [moodWord(summary.apologyMood.meanDissatisfaction), formatNumber(summary.apologyMood.answered)])
                  : t('insightsMoodNone')}
              </p>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function moodWord(dissatisfaction: number): string {
  return t(`mood_${dissatisfaction >= 0.67 ? 'upset' : dissatisfaction >= 0.34 ? 'uneasy' : 'calm'}` as MessageKey);
}
