import type { ConversationSnapshot } from '@/scripts-library/schemas';
import { t } from './i18n';

/** What was read from the page, so the agent can check the reading (collapsed by default). */
export function ConversationSection({ snapshot }: { snapshot: ConversationSnapshot }) {
  return (
    <details
      className="conversation"
      data-testid="conversation"
      data-site={snapshot.site}
      data-customer-name={snapshot.customerName ?? ''}
      data-subject={snapshot.subject ?? ''}
    >
      <summary>
        {t('conversationHeading')}
        <span className="conversation__summary">
          {' '}
          {t('conversationSummary', [snapshot.site, String(snapshot.messages.length)])}
        </span>
      </summary>
      {snapshot.certainty === 'guess' ? <p className="conversation__guess">{t('bestGuess')}</p> : null}
      <dl className="conversation__facts">
        {snapshot.subject ? (
          <>
            <dt>#</dt>
            <dd>{snapshot.ticketId ? `${snapshot.ticketId} · ` : ''}{snapshot.subject}</dd>
          </>
        ) : null}
        {snapshot.customerName ? (
          <>
            <dt>{t('customerLabel')}</dt>
            <dd>{snapshot.customerName}</dd>
          </>
        ) : null}
        {snapshot.agentName ? (
          <>
            <dt>{t('agentLabel')}</dt>
            <dd>{snapshot.agentName}</dd>
          </>
        ) : null}
      </dl>
      <ol className="conversation__messages">
        {snapshot.messages.map((message, i) => (
          <li key={i} className={`conversation__item conversation__item--${message.speaker}`}>
            <span className="conversation__speaker">{t(`speaker_${message.speaker}`)}</span>
            <p data-testid="message" data-speaker={message.speaker} className="conversation__text">
              {message.text}
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}
