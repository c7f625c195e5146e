import { useMemo, useState } from 'react';
import { formatNumber, t } from '@/components/i18n';
import { keyLabel } from '@/scripts-library/packs/signature';
import { NO_POLICY, unsignedPacksAllowed } from '@/scripts-library/packs/trust';
import { db as defaultDb, type AgentAssistDatabase } from '@/storage/database';
import { managedStoragePolicySource, type PolicySource } from '@/storage/policy';
import { localSubscriptionStore, type SubscriptionStore } from '@/storage/subscriptions';
import { usePackPolicy, useSubscriptions } from './hooks';
import { InstalledPackList } from './InstalledPackList';
import { PackDropZone } from './PackDropZone';
import { SubscriptionList } from './SubscriptionList';
import './packs.css';

export interface PacksSectionProps {
  db?: AgentAssistDatabase;
  policySource?: PolicySource;
  store?: SubscriptionStore;
  fetchImpl?: typeof fetch;
}

/**
 * Everything about script packs on one section: install from a file with a preview, subscriptions kept current by
 * the background, the installed packs, and what the organisation's policy decides. Self-contained: mount it on any
 * extension page.
 */
export function PacksSection({ db = defaultDb, policySource, store, fetchImpl }: PacksSectionProps) {
  const source = useMemo(() => policySource ?? managedStoragePolicySource(), [policySource]);
  const subscriptionStore = useMemo(() => store ?? localSubscriptionStore(), [store]);
  const parsedPolicy = usePackPolicy(source);
  const subscriptions = useSubscriptions(subscriptionStore);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const policy = parsedPolicy?.policy ?? NO_POLICY;

  return (
    <section className="packs" data-testid="packs-section" aria-labelledby="packs-heading">
      <h1 id="packs-heading">{t('packs_heading')}</h1>
      <PolicySummary parsed={parsedPolicy} />
      {notice && (
        <p className={`notice notice--${notice.kind}`} data-testid="packs-notice" data-kind={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {parsedPolicy && subscriptions ? (
        <>
          <InstalledPackList db={db} policy={policy} onNotice={setNotice} />
          <SubscriptionList db={db} store={subscriptionStore} policy={policy} subscriptions={subscriptions} fetchImpl={fetchImpl} onNotice={setNotice} />
          <PackDropZone db={db} policy={policy} onNotice={setNotice} />
        </>
      ) : (
        <p className="loading">{t('packs_loading')}</p>
      )}
    </section>
  );
}

function PolicySummary({ parsed }: { parsed: ReturnType<typeof usePackPolicy> }) {
  if (!parsed) return null;
  const { policy, problems } = parsed;
  const managed = policy.packUrls.length > 0 || policy.trustedKeys.length > 0 || policy.allowUnsignedPacks !== undefined || !policy.allowPersonalScripts || policy.allowRollback;
  if (!managed && problems.length === 0) return null;
  return (
    <div className="notice" data-testid="packs-policy">
      <p>{t('packs_policyIntro')}</p>
      <ul>
        {policy.trustedKeys.length > 0 && <li>{t('packs_policyTrustedKeys', policy.trustedKeys.map(keyLabel).join(', '))}</li>}
        <li>{unsignedPacksAllowed(policy) ? t('packs_policyUnsignedAllowed') : t('packs_policyUnsignedRefused')}</li>
        {!policy.allowPersonalScripts && <li>{t('packs_policyNoPersonalScripts')}</li>}
        {policy.packUrls.length > 0 && <li>{t('packs_policyPackUrls', formatNumber(policy.packUrls.length))}</li>}
      </ul>
      {problems.length > 0 && (
        <p className="notice notice--warning">{t('packs_policyProblems', problems.join('; '))}</p>
      )}
    </div>
  );
}
