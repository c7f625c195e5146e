import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACK_SYNC_ALARM, runPackSync, startPackSync } from '@/entrypoints/background/pack-sync';
import { db } from '@/storage/database';
import type { PolicySource } from '@/storage/policy';
import { localSubscriptionStore } from '@/storage/subscriptions';
import { makePack } from './helpers';

// The background's part: alarms wake it, the policy (a test double for the managed storage) adds subscriptions,
// due subscriptions are fetched and installed into the extension's database.

const URL_A = 'https://packs.example.org/team.json';

function policyDouble(initial: unknown) {
  let value = initial;
  const listeners = new Set<() => void>();
  const source: PolicySource = {
    read: async () => value,
    watch(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return { source, change(next: unknown) { value = next; listeners.forEach((listener) => listener()); } };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(async () => {
  fakeBrowser.reset();
  await db.open();
});
afterEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('background pack sync', () => {
  it('subscribes to the policy’s packs, installs them, and schedules an alarm', async () => {
    let served = JSON.stringify(makePack('1.0.0', [{ id: 'greet', text: 'Policy hello' }]));
    const fetched: string[] = [];
    const fetchDouble = (async (url: string) => {
      fetched.push(url);
      return new Response(served, { status: 200 });
    }) as typeof fetch;
    let clock = 1_000;
    const policy = policyDouble({ packUrls: [URL_A] });
    startPackSync({ policySource: policy.source, fetch: fetchDouble, now: () => clock });
    await settle();
    await runPackSync({ policySource: policy.source, fetch: fetchDouble, now: () => clock });

    expect(await fakeBrowser.alarms.get(PACK_SYNC_ALARM)).toMatchObject({ name: PACK_SYNC_ALARM, periodInMinutes: 5 });
    expect((await db.scripts.get('greet'))?.text).toBe('Policy hello');
    const [subscription] = await localSubscriptionStore().all();
    expect(subscription).toMatchObject({ url: URL_A, fromPolicy: true, installedVersion: '1.0.0' });
    expect(fetched).toEqual([URL_A]);

    // Not due yet: an alarm does not fetch. Once due, it does, and installs the new version.
    served = JSON.stringify(makePack('1.1.0', [{ id: 'greet', text: 'Policy hello v2' }]));
    await fakeBrowser.alarms.onAlarm.trigger({ name: PACK_SYNC_ALARM, scheduledTime: clock, periodInMinutes: 5, persistAcrossSessions: true });
    await settle();
    expect(fetched).toHaveLength(1);
    clock = subscription!.nextCheckAt;
    await fakeBrowser.alarms.onAlarm.trigger({ name: PACK_SYNC_ALARM, scheduledTime: clock, periodInMinutes: 5, persistAcrossSessions: true });
    await settle();
    expect(fetched).toHaveLength(2);
    expect((await db.scripts.get('greet'))?.text).toBe('Policy hello v2');

    // A policy change applies at once: trusted keys now required, so the unsigned pack's next version is refused.
    served = JSON.stringify(makePack('1.2.0', [{ id: 'greet', text: 'Unsigned v3' }]));
    await localSubscriptionStore().put({ ...(await localSubscriptionStore().get(URL_A))!, nextCheckAt: clock });
    policy.change({ packUrls: [URL_A], trustedKeys: ['A'.repeat(43) + '='] });
    await settle();
    expect((await db.scripts.get('greet'))?.text).toBe('Policy hello v2');
    expect((await localSubscriptionStore().get(URL_A))?.lastError?.message).toMatch(/not signed/);
  });
});
