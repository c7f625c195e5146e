import { useDeferredValue, useMemo, useState } from 'react';
import { reviewConversation, type ConversationReview } from '@/scripts-library/review';
import { LANGUAGES, type Channel, type ConversationSnapshot, type Language, type Script } from '@/scripts-library/schemas';
import { ConversationTracker, describeEvidence, type PanelStage, type TurnTag } from '@/scripts-library/stage';
import { RankingIndex, selectSuggestions, type RankingMoment } from '@/scripts-library/ranking';
import { templateValuesFor } from '@/scripts-library/template-values';
import { renderTemplate } from '@/scripts-library/template';
import { tickets } from '@/tests/demo-helpdesk/conversations.js';
import { t } from '../i18n';
import { languageName, stageName } from '../labels';
import { formatConversationText, parseConversationText, type PlaygroundTurn } from './conversation-text';
import { reviewPointHint, reviewPointName, reviewStatusName } from './names';

interface PlaygroundProps {
  scripts: readonly Script[];
  byId: ReadonlyMap<string, Script>;
}

interface TurnAnalysis {
  turn: PlaygroundTurn;
  tag: TurnTag;
  /** What the panel would suggest for the agent's reply after this turn. */
  panel: PanelStage;
  language: Language;
}

const demoTurns = (id: string): PlaygroundTurn[] =>
  (tickets.find((ticket) => ticket.id === id)?.messages ?? [])
    .filter((m) => m.from === 'customer' || m.from === 'agent')
    .map((m) => ({ speaker: m.from as PlaygroundTurn['speaker'], text: m.text }));

/**
 * Try a conversation the way the panel would see it: each turn's stage with the cues behind it, the scripts the
 * panel would offer next, and a review of the conversation against the method, which is what a trainer coaches on.
 */
export function Playground({ scripts, byId }: PlaygroundProps) {
  const first = tickets[0];
  const [text, setText] = useState(() => formatConversationText(demoTurns(first?.id ?? '')));
  const [customerName, setCustomerName] = useState(first?.customer.name ?? '');
  const [channel, setChannel] = useState<Channel>(first?.channel ?? 'chat');
  const [hint, setHint] = useState<string>(first?.customer.language ?? '');
  const [replyLanguage, setReplyLanguage] = useState<Language | null>(null);
  const [demo, setDemo] = useState(first?.id ?? '');
  const deferredText = useDeferredValue(text);
  const turns = useMemo(() => parseConversationText(deferredText), [deferredText]);
  const ranking = useMemo(() => new RankingIndex(scripts), [scripts]);

  const analysis = useMemo<TurnAnalysis[]>(() => {
    const tracker = new ConversationTracker(hint ? { langHint: hint } : undefined);
    return turns.map((turn, i) => {
      tracker.update(turns.slice(0, i + 1));
      return { turn, tag: tracker.tags[i]!, panel: tracker.panelStage(), language: tracker.language };
    });
  }, [turns, hint]);

  const snapshot = useMemo<ConversationSnapshot>(
    () => ({
      site: 'playground',
      url: '',
      ticketId: null,
      subject: null,
      customerName: customerName.trim() || null,
      agentName: null,
      channel,
      messages: turns.map((turn) => ({ speaker: turn.speaker, text: turn.text, at: null })),
      hasEditor: true,
      certainty: 'adapter',
    }),
    [turns, customerName, channel],
  );

  const review = useMemo<ConversationReview>(
    () => reviewConversation(turns, analysis.map((a) => a.tag), { customerName, lang: analysis.at(-1)?.language ?? 'en' }),
    [turns, analysis, customerName],
  );

  const pickDemo = (id: string) => {
    const ticket = tickets.find((item) => item.id === id);
    setDemo(id);
    if (!ticket) return;
    setText(formatConversationText(demoTurns(id)));
    setCustomerName(ticket.customer.name);
    setChannel(ticket.channel);
    setHint(ticket.customer.language);
  };

  return (
    <div className="playground" data-testid="playground">
      <section className="playground__input" aria-labelledby="playground-input-heading">
        <h2 id="playground-input-heading">{t('playgroundHeading')}</h2>
        <p className="muted">{t('playgroundIntro')}</p>
        <div className="playground__options">
          <label className="sample">
            <span>{t('playgroundDemo')}</span>
            <select data-testid="playground-demo" value={demo} onChange={(e) => pickDemo(e.target.value)}>
              <option value="">{t('playgroundOwn')}</option>
              {tickets.map((ticket) => (
                <option key={ticket.id} value={ticket.id}>
                  #{ticket.id} · {ticket.subject}
                </option>
              ))}
            </select>
          </label>
          <label className="sample">
            <span>{t('var_customer_name')}</span>
            <input data-testid="playground-customer" value={customerName} onChange={(e) => setCustomerName(e.target.value)} />
          </label>
          <label className="sample">
            <span>{t('replyLanguage')}</span>
            <select data-testid="playground-language" value={replyLanguage ?? ''} onChange={(e) => setReplyLanguage((e.target.value || null) as Language | null)}>
              <option value="">{t('playgroundLanguageAuto')}</option>
              {LANGUAGES.map((lang) => (
                <option key={lang} value={lang}>
                  {languageName(lang)}
                </option>
              ))}
            </select>
          </label>
          <label className="sample">
            <span>{t('fieldChannel')}</span>
            <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              <option value="chat">{t('channel_chat')}</option>
              <option value="email">{t('channel_email')}</option>
              <option value="phone">{t('channel_phone')}</option>
            </select>
          </label>
        </div>
        <label className="field field--full">
          <span>{t('playgroundConversation')}</span>
          <textarea
            data-testid="playground-input"
            rows={12}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setDemo('');
            }}
            placeholder={t('playgroundPlaceholder')}
          />
        </label>
      </section>

      <section className="playground__turns" aria-labelledby="playground-turns-heading">
        <h2 id="playground-turns-heading">{t('playgroundTurnsHeading')}</h2>
        {analysis.length === 0 ? <p className="muted">{t('playgroundEmpty')}</p> : null}
        <ol className="turns">
          {analysis.map((row, i) => (
            <TurnRow key={i} index={i} row={row} last={i === analysis.length - 1} ranking={ranking} byId={byId} snapshot={snapshot} replyLanguage={replyLanguage} turnsSoFar={i + 1} />
          ))}
        </ol>
      </section>

      <ReviewSection review={review} />
    </div>
  );
}

interface TurnRowProps {
  index: number;
  row: TurnAnalysis;
  last: boolean;
  ranking: RankingIndex;
  byId: ReadonlyMap<string, Script>;
  snapshot: ConversationSnapshot;
  replyLanguage: Language | null;
  turnsSoFar: number;
}

function TurnRow({ index, row, last, ranking, byId, snapshot, replyLanguage, turnsSoFar }: TurnRowProps) {
  const { turn, tag, panel, language } = row;
  const lang = replyLanguage ?? language;
  const suggestions = useMemo(() => {
    const soFar = { ...snapshot, messages: snapshot.messages.slice(0, turnsSoFar) };
    const values = templateValuesFor(soFar);
    // The panel's own ranking, so the playground shows what an agent would see first.
    const moment: RankingMoment = {
      stage: panel.stage,
      customerLanguage: lang,
      channel: soFar.channel,
      customerTexts: soFar.messages.filter((m) => m.speaker === 'customer').map((m) => m.text),
      subject: soFar.subject,
      agentTexts: soFar.messages.filter((m) => m.speaker === 'agent').map((m) => m.text),
    };
    return selectSuggestions(ranking.rank(moment), { limit: 3, minimum: 3 }).map((s) => ({
      script: s.script,
      // Rendered as the panel renders it, included scripts and all.
      text: renderTemplate(s.script.text, values, { include: (id) => byId.get(id)?.text, lang: s.script.lang }).text,
    }));
  }, [ranking, byId, snapshot, turnsSoFar, panel.stage, lang]);
  const evidence = describeEvidence(tag.evidence, 4);
  return (
    <li className={`turn turn--${turn.speaker}`} data-testid="playground-turn" data-speaker={turn.speaker} data-stage={tag.stage} data-panel-stage={panel.stage}>
      <div className="turn__head">
        <span className="conversation__speaker">{turn.speaker === 'agent' ? t('speaker_agent') : t('speaker_customer')}</span>
        <span className={`stage__name stage__name--${tag.stage} turn__stage`}>{stageName(tag.stage)}</span>
        <span className="muted">{t('playgroundConfidence', String(Math.round(tag.confidence * 100)))}</span>
        {turn.speaker === 'customer' && tag.dissatisfaction >= 0.2 ? (
          <span className="turn__upset" data-testid="turn-dissatisfaction">
            {t('playgroundUpset', String(Math.round(tag.dissatisfaction * 100)))}
          </span>
        ) : null}
      </div>
      <p className="turn__text" lang={tag.lang}>
        {turn.text}
      </p>
      <p className="turn__why muted" data-testid="turn-evidence">
        {evidence ? t('stageWhy', evidence) : t('playgroundNoCues')}
      </p>
      <details className="turn__next" open={last}>
        <summary>
          {t('playgroundNext', [stageName(panel.stage), languageName(lang)])} <span className="muted">#{index + 1}</span>
        </summary>
        {suggestions.length === 0 ? <p className="muted">{t('noSuggestions')}</p> : null}
        <ul className="turn__suggestions">
          {suggestions.map((s) => (
            <li key={s.script.id} data-testid="playground-suggestion" data-script-id={s.script.id} data-stage={s.script.stage} data-lang={s.script.lang} lang={s.script.lang}>
              <strong>{s.script.title}</strong> {s.text}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function ReviewSection({ review }: { review: ConversationReview }) {
  return (
    <section className="review" aria-labelledby="review-heading" data-testid="review" data-met={review.met} data-applicable={review.applicable}>
      <h2 id="review-heading">{t('reviewHeading')}</h2>
      <p className="muted">{t('reviewScore', [String(review.met), String(review.applicable)])}</p>
      <ul className="review__items">
        {review.items.map((item) => (
          <li key={item.point} className={`review__item review__item--${item.status}`} data-testid="review-item" data-point={item.point} data-status={item.status}>
            <span className="review__status">{reviewStatusName(item.status)}</span> <strong>{reviewPointName(item.point)}</strong>
            {item.turn !== null && item.status !== 'not-needed' ? <span className="muted"> · {t('reviewTurn', String(item.turn + 1))}</span> : null}
            {item.cue ? <span className="review__cue"> “{item.cue}”</span> : null}
            {item.status === 'missed' || item.status === 'pending' ? <p className="review__hint">{reviewPointHint(item.point)}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
