import { browser } from 'wxt/browser';
import { hostPermissionFor } from '@/scripts-library/packs/subscription';
import { db } from '@/storage/database';
import { managedStoragePolicySource, readPackPolicy, type PolicySource } from '@/storage/policy';
import { applyPolicySubscriptions, localSubscriptionStore, syncDueSubscriptions, type SubscriptionStore } from '@/storage/subscriptions';

/**
 * Keeps subscribed packs current from the background: an alarm wakes the service worker every few minutes, and each
 * subscription is fetched only when its own `nextCheckAt` (interval, or backoff after failures) has come. All state
 * lives in storage, so a worker that died between alarms loses nothing.
 */

export const PACK_SYNC_ALARM = 'agent-assist:pack-sync';
/** How often the alarm looks for due subscriptions; each one's own schedule decides whether it is fetched. */
const ALARM_PERIOD_MINUTES = 5;

export interface PackSyncDependencies {
  policySource?: PolicySource;
  store?: SubscriptionStore;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Registers the listeners (synchronously, as MV3 requires for wake-ups) and runs a first check. */
export function startPackSync(deps: PackSyncDependencies = {}): void {
  const run = () => {
    runPackSync(deps).catch((error: unknown) => console.error('Agent Assist: pack sync failed', error));
  };
  if (browser.alarms) {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === PACK_SYNC_ALARM) run();
    });
    browser.alarms
      .get(PACK_SYNC_ALARM)
      .then(async (existing) => {
        // Re-creating an existing alarm would restart its period on every worker start; only add it when missing.
        if (!existing) await browser.alarms.create(PACK_SYNC_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES, delayInMinutes: 1 });
      })
      .catch((error: unknown) => console.error('Agent Assist: scheduling pack sync failed', error));
  } else {
    console.warn('Agent Assist: no "alarms" permission; subscribed packs are checked only when the browser starts');
  }
  // A changed policy (new pack URL, new trusted key) applies now, not at the next alarm.
  (deps.policySource ?? managedStoragePolicySource()).watch(run);
  run();
}

let running: Promise<void> | null = null;

/** Applies the policy's subscriptions, then checks those that are due. Overlapping calls share one run. */
export function runPackSync(deps: PackSyncDependencies = {}): Promise<void> {
  running ??= (async () => {
    try {
      const store = deps.store ?? localSubscriptionStore();
      const { policy, problems } = await readPackPolicy(deps.policySource ?? managedStoragePolicySource());
      if (problems.length > 0) console.warn('Agent Assist: parts of the pack policy were ignored', problems);
      await applyPolicySubscriptions(store, policy, (deps.now ?? Date.now)());
      await syncDueSubscriptions(db, store, { policy, fetch: deps.fetch, now: deps.now, hasHostAccess });
    } finally {
      running = null;
    }
  })();
  return running;
}

/** With host permission the request is not CORS-filtered, so conditional headers and ETag work. */
export async function hasHostAccess(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [hostPermissionFor(url)] });
  } catch {
    return false;
  }
}
