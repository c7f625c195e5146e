import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { formatDate, t } from '@/components/i18n';
import { hostPermissionFor, type PackSubscription } from '@/scripts-library/packs/subscription';
import { checkPackUrl, type PackPolicy } from '@/scripts-library/packs/trust';
import type { AgentAssistDatabase } from '@/storage/database';
import { subscribe, syncSubscription, unsubscribe, type SubscriptionStore, type SyncDependencies, type SyncOptions } from '@/storage/subscriptions';
import { timeAgo } from './hooks';

interface Props {
  db: AgentAssistDatabase;
  store: SubscriptionStore;
  policy: PackPolicy;
  subscriptions: PackSubscription[];
  fetchImpl?: typeof fetch;
  onNotice(notice: { kind: 'success' | 'error'; text: string }): void;
}

/** Pack URLs this browser keeps current: add one, check now, see when each last synced and what went wrong. */
export function SubscriptionList({ db, store, policy, subscriptions, fetchImpl, onNotice }: Props) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const sync = async (target: string, options: SyncOptions = {}) => {
    setBusy(target);
    try {
      const deps: SyncDependencies = { policy, fetch: fetchImpl, hasHostAccess };
      const { outcome, subscription } = await syncSubscription(db, store, target, deps, options);
      const packId = subscription?.packId;
      if (outcome === 'installed') {
        const text = packId ? t('packs_syncInstalled', [packId, subscription?.installedVersion ?? '', target]) : t('packs_syncInstalledUnnamed', target);
        onNotice({ kind: 'success', text });
      } else if (outcome === 'unchanged') onNotice({ kind: 'success', text: packId ? t('packs_upToDate', packId) : t('packs_upToDateUnnamed') });
      else if (outcome === 'failed') onNotice({ kind: 'error', text: subscription?.lastError?.message ?? t('packs_checkFailed') });
    } finally {
      setBusy(null);
    }
  };

  const onSubscribe = (event: FormEvent) => {
    event.preventDefault();
    const check = checkPackUrl(url);
    if (!check.ok) {
      onNotice({ kind: 'error', text: t('packs_addressInvalid', check.reason) });
      return;
    }
    // Asked for inside the click (a user gesture) and not waited for: with access to the host, requests skip CORS
    // and can use ETags; without it the pack still comes if the host allows CORS.
    void requestHostAccess(check.url);
    void (async () => {
      await subscribe(store, check.url);
      setUrl('');
      await sync(check.url);
    })().catch((error: unknown) => onNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) }));
  };

  return (
    <section className="packs__block" aria-labelledby="packs-subscriptions-heading">
      <h2 id="packs-subscriptions-heading" className="section-heading">{t('packs_subscriptionsHeading')}</h2>
      <form className="packs__subscribe" onSubmit={onSubscribe}>
        <label htmlFor="packs-url" className="visually-hidden">{t('packs_packAddress')}</label>
        <input
          id="packs-url"
          type="url"
          required
          placeholder="https://example.org/team-pack.json"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          data-testid="subscription-url"
        />
        <button type="submit" className="button button--primary" data-testid="subscribe">{t('packs_subscribe')}</button>
      </form>
      {subscriptions.length === 0 ? (
        <p className="muted">{t('packs_noSubscriptions')}</p>
      ) : (
        <ul className="packs__list">
          {subscriptions.map((subscription) => (
            <li
              key={subscription.url}
              className="packs__item"
              data-testid="subscription"
              data-url={subscription.url}
              data-version={subscription.installedVersion ?? ''}
              data-status={subscription.lastError ? 'error' : subscription.lastSyncedAt ? 'ok' : 'pending'}
            >
              <div className="packs__row">
                <span className="packs__url">{subscription.url}</span>
                {subscription.fromPolicy && <span className="packs__badge" title={t('packs_policyBadgeTitle')}>{t('packs_policyBadge')}</span>}
              </div>
              <p className="muted packs__meta">
                {subscription.packId ? `${subscription.packId} ${subscription.installedVersion ?? ''} · ` : ''}
                {subscription.lastSyncedAt ? (
                  <span data-testid="last-synced" title={formatDate(subscription.lastSyncedAt, { dateStyle: 'medium', timeStyle: 'short' })}>
                    {t('packs_lastSynced', timeAgo(subscription.lastSyncedAt))}
                  </span>
                ) : (
                  t('packs_notSynced')
                )}
                {subscription.lastError && ` · ${t('packs_nextTry', timeAgo(subscription.nextCheckAt))}`}
              </p>
              {subscription.lastError && (
                <p className="notice notice--error" data-testid="subscription-error" data-code={subscription.lastError.code} role="status">
                  {subscription.lastError.message}
                </p>
              )}
              <div className="packs__actions">
                <button type="button" className="button" data-testid="sync-now" disabled={busy !== null} onClick={() => void sync(subscription.url)}>
                  {busy === subscription.url ? t('packs_checking') : t('packs_checkNow')}
                </button>
                {subscription.lastError?.code === 'older-version' && subscription.lastError.version && (
                  <button type="button" className="button" data-testid="subscription-rollback" disabled={busy !== null} onClick={() => void sync(subscription.url, { allowRollback: true })}>
                    {t('packs_rollBackTo', subscription.lastError.version)}
                  </button>
                )}
                {!subscription.fromPolicy && (
                  <button
                    type="button"
                    className="button"
                    data-testid="unsubscribe"
                    onClick={() => void unsubscribe(store, subscription.url).catch((error: unknown) => onNotice({ kind: 'error', text: String(error) }))}
                  >
                    {t('packs_unsubscribe')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function requestHostAccess(url: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [hostPermissionFor(url)] });
  } catch {
    return false;
  }
}

async function hasHostAccess(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [hostPermissionFor(url)] });
  } catch {
    return false;
  }
}
