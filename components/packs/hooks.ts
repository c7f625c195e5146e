import { useEffect, useState } from 'react';
import type { PackSubscription } from '@/scripts-library/packs/subscription';
import { NO_POLICY, type ParsedPolicy } from '@/scripts-library/packs/trust';
import { readPackPolicy, type PolicySource } from '@/storage/policy';
import type { SubscriptionStore } from '@/storage/subscriptions';

/** The organisation's pack policy, re-read whenever the managed storage changes. */
export function usePackPolicy(source: PolicySource): ParsedPolicy | null {
  const [policy, setPolicy] = useState<ParsedPolicy | null>(null);
  useEffect(() => {
    let current = true;
    const load = () => {
      readPackPolicy(source)
        .then((read) => current && setPolicy(read))
        .catch(() => current && setPolicy({ policy: NO_POLICY, problems: [] }));
    };
    load();
    const stop = source.watch(load);
    return () => {
      current = false;
      stop();
    };
  }, [source]);
  return policy;
}

/** Subscriptions as stored; the background's checks show up here as they land. */
export function useSubscriptions(store: SubscriptionStore): PackSubscription[] | null {
  const [subscriptions, setSubscriptions] = useState<PackSubscription[] | null>(null);
  useEffect(() => {
    let current = true;
    const load = () => {
      store.all().then((all) => current && setSubscriptions(all)).catch(() => current && setSubscriptions([]));
    };
    load();
    const stop = store.watch(load);
    return () => {
      current = false;
      stop();
    };
  }, [store]);
  return subscriptions;
}

/** "3 minutes ago", in the browser's language. */
export function timeAgo(then: number, now = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const seconds = Math.round((then - now) / 1000);
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [['second', 60], ['minute', 60], ['hour', 24], ['day', 365]];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return format.format(value, unit);
    value = Math.round(value / size);
  }
  return format.format(value, 'year');
}
