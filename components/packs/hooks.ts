import { useEffect, useState } from 'react';
import { languageName, stageName } from '@/components/labels';
import { interfaceLocale, t } from '@/components/i18n';
import { LANGUAGES, STAGES, type Language, type Stage } from '@/scripts-library/schemas';
import type { PackSubscription } from '@/scripts-library/packs/subscription';
import { NO_POLICY, type ParsedPolicy } from '@/scripts-library/packs/trust';
import type { PackRefusedError } from '@/storage/packs';
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

/** "3 minutes ago", in the interface language. */
export function timeAgo(then: number, now = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(interfaceLocale(), { numeric: 'auto' });
  const seconds = Math.round((then - now) / 1000);
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [['second', 60], ['minute', 60], ['hour', 24], ['day', 365]];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return format.format(value, unit);
    value = Math.round(value / size);
  }
  return format.format(value, 'year');
}

/** A refusal in the interface language; the problems themselves name JSON paths and stay as the checks wrote them. */
export function refusalText(error: PackRefusedError): string {
  const shown = error.problems.slice(0, 5).join('; ');
  const more = error.problems.length - 5;
  return more > 0 ? t('packs_notInstalledMore', [shown, String(more)]) : t('packs_notInstalled', shown);
}

/** A script's stage and language by their interface names; anything unexpected shows as stored. */
export function stageLabel(stage: string): string {
  return (STAGES as readonly string[]).includes(stage) ? stageName(stage as Stage) : stage;
}

export function languageLabel(lang: string): string {
  return (LANGUAGES as readonly string[]).includes(lang) ? languageName(lang as Language) : lang;
}
