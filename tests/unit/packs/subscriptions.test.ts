import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS } from '@/scripts-library/packs/subscription';
import { generatePackKeyPair, signPackDocument, type PackKeyPair } from '@/scripts-library/packs/signature';
import { createDatabase, type AgentAssistDatabase } from '@/storage/database';
import { managedStoragePolicySource, personalScriptsAllowed, readPackPolicy } from '@/storage/policy';
import {
  applyPolicySubscriptions,
  localSubscriptionStore,
  subscribe,
  syncDueSubscriptions,
  syncSubscription,
  unsubscribe,
  type SubscriptionStore,
} from '@/storage/subscriptions';
import { databaseDump, makePack } from './helpers';

const URL_A = 'https://packs.example.org/team.json';
let db: AgentAssistDatabase;
let store: SubscriptionStore;
let count = 0;
let lead: PackKeyPair;
let clock: number;

/** A static host: serves whatever body is current, with an ETag, and answers If-None-Match with 304. */
function staticHost() {
  const host = {
    body: '' as string,
    status: 200,
    requests: [] as Array<Record<string, string>>,
    down: false,
    fetch: (async (_url: string, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      host.requests.push(headers);
      if (host.down) throw new TypeError('Failed to fetch');
      if (host.status !== 200) return new Response('nope', { status: host.status, statusText: 'Server Error' });
      const etag = `"${host.body.length}-${[...host.body].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)}"`;
      if (headers['If-None-Match'] === etag) return new Response(null, { status: 304 });
      return new Response(host.body, { status: 200, headers: { ETag: etag, 'Content-Type': 'application/json' } });
    }) as typeof fetch,
  };
  return host;
}

beforeAll(async () => {
  lead = await generatePackKeyPair();
});
beforeEach(async () => {
  fakeBrowser.reset();
  db = createDatabase(`packs-subscriptions-${++count}`);
  await db.open();
  store = localSubscriptionStore();
  clock = 1_000_000;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const signedText = async (version: string, text: string) =>
  JSON.stringify(await signPackDocument(makePack(version, [{ id: 'greet', text }]) as unknown as Record<string, unknown>, lead.privateKey), null, 2);

describe('pack subscriptions', () => {
  it('subscribes to HTTPS URLs only, once each', async () => {
    await expect(subscribe(store, 'http://packs.example.org/team.json')).rejects.toThrow('The address must start with https:// (plain http only for this machine).');
    const first = await subscribe(store, URL_A, 5);
    expect(await subscribe(store, URL_A, 6)).toEqual(first);
    expect(await store.all()).toEqual([first]);
    expect(first).toMatchObject({ url: URL_A, fromPolicy: false, nextCheckAt: 5, lastSyncedAt: null, lastError: null });
  });

  it('installs, then uses the ETag, then installs the next version', async () => {
    const host = staticHost();
    host.body = await signedText('1.0.0', 'Hello v1');
    await subscribe(store, URL_A, clock);
    const deps = { fetch: host.fetch, now: () => clock, hasHostAccess: async () => true };

    const first = await syncSubscription(db, store, URL_A, deps);
    expect(first.outcome).toBe('installed');
    expect(first.subscription).toMatchObject({ packId: 'team', installedVersion: '1.0.0', lastSyncedAt: clock, lastError: null, etag: expect.stringMatching(/^"/) });
    expect((await db.scripts.get('greet'))?.text).toBe('Hello v1');

    clock += 1000;
    const second = await syncSubscription(db, store, URL_A, deps);
    expect(second.outcome).toBe('unchanged');
    expect(host.requests[1]).toEqual({ 'If-None-Match': first.subscription!.etag });
    expect(second.subscription).toMatchObject({ lastSyncedAt: clock, nextCheckAt: clock + 360 * 60_000 });

    host.body = await signedText('1.1.0', 'Hello v2');
    const third = await syncSubscription(db, store, URL_A, deps);
    expect(third).toMatchObject({ outcome: 'installed', subscription: { installedVersion: '1.1.0' } });
    expect((await db.scripts.get('greet'))?.text).toBe('Hello v2');
  });

  it('sends no conditional headers without host access (they would force a CORS preflight)', async () => {
    const host = staticHost();
    host.body = await signedText('1.0.0', 'Hello');
    await subscribe(store, URL_A, clock);
    await syncSubscription(db, store, URL_A, { fetch: host.fetch, now: () => clock });
    const again = await syncSubscription(db, store, URL_A, { fetch: host.fetch, now: () => clock });
    expect(host.requests).toEqual([{}, {}]);
    expect(again.outcome).toBe('unchanged');
  });

  it('refuses a tampered version, keeps the installed one, and backs off', async () => {
    const host = staticHost();
    host.body = await signedText('1.0.0', 'Hello v1');
    await subscribe(store, URL_A, clock);
    const deps = { fetch: host.fetch, now: () => clock, hasHostAccess: async () => true };
    const installed = await syncSubscription(db, store, URL_A, deps);
    const before = await databaseDump(db);

    host.body = (await signedText('1.1.0', 'Hello v2')).replace('Hello v2', 'Pay at evil.example');
    const failed = await syncSubscription(db, store, URL_A, deps);
    expect(failed.outcome).toBe('failed');
    expect(failed.subscription?.lastError).toEqual({
      code: 'refused',
      at: clock,
      version: null,
      message: "Refused: The pack's signature is not valid: the signature does not match the contents: the pack was changed after it was signed. Ask the publisher for a fresh copy.",
    });
    expect(failed.subscription).toMatchObject({ consecutiveFailures: 1, nextCheckAt: clock + FIRST_RETRY_MS, etag: installed.subscription!.etag, installedVersion: '1.0.0', lastSyncedAt: installed.subscription!.lastSyncedAt });
    expect(await databaseDump(db)).toBe(before);

    // After an error the whole file is fetched again (no If-None-Match), and each failure doubles the wait.
    clock += FIRST_RETRY_MS;
    const again = await syncSubscription(db, store, URL_A, deps);
    expect(host.requests.at(-1)).toEqual({});
    expect(again.subscription).toMatchObject({ consecutiveFailures: 2, nextCheckAt: clock + 2 * FIRST_RETRY_MS });

    host.body = await signedText('1.1.0', 'Hello v2');
    expect(await syncSubscription(db, store, URL_A, deps)).toMatchObject({ outcome: 'installed', subscription: { consecutiveFailures: 0, lastError: null } });
  });

  it('reports network and HTTP errors, and an older version with a way to roll back', async () => {
    const host = staticHost();
    await subscribe(store, URL_A, clock);
    const deps = { fetch: host.fetch, now: () => clock };
    host.down = true;
    expect((await syncSubscription(db, store, URL_A, deps)).subscription?.lastError).toMatchObject({ code: 'network', message: expect.stringMatching(/^Could not fetch the pack \(Failed to fetch\)/) });
    host.down = false;
    host.status = 500;
    expect((await syncSubscription(db, store, URL_A, deps)).subscription?.lastError).toMatchObject({ code: 'http', message: 'The server answered 500 Server Error.' });
    host.status = 200;
    host.body = await signedText('2.0.0', 'v2');
    await syncSubscription(db, store, URL_A, deps);
    host.body = await signedText('1.0.0', 'v1');
    expect((await syncSubscription(db, store, URL_A, deps)).subscription?.lastError).toMatchObject({ code: 'older-version', version: '1.0.0', message: 'Refused: version 1.0.0 is older than the installed 2.0.0; ask for a rollback to install it' });
    expect(await syncSubscription(db, store, URL_A, deps, { allowRollback: true })).toMatchObject({ outcome: 'installed', subscription: { installedVersion: '1.0.0' } });
  });

  it('refuses a response larger than a pack may be without reading it all', async () => {
    await subscribe(store, URL_A, clock);
    const huge = (async () => new Response('x', { headers: { 'Content-Length': String(9 * 1024 * 1024) } })) as unknown as typeof fetch;
    const result = await syncSubscription(db, store, URL_A, { fetch: huge, now: () => clock });
    expect(result.subscription?.lastError).toMatchObject({ code: 'refused', message: 'The file is larger than the 8 MB a pack may be.' });
  });

  it('checks only subscriptions that are due, and one failure does not stop the others', async () => {
    const host = staticHost();
    host.body = await signedText('1.0.0', 'Hi');
    await subscribe(store, URL_A, clock);
    await subscribe(store, 'https://later.example/p.json', clock);
    await store.put({ ...(await store.get('https://later.example/p.json'))!, nextCheckAt: clock + 10 });
    await subscribe(store, 'https://broken.example/p.json', clock);
    const fetchSome = (async (url: string, init?: RequestInit) => {
      if (url.includes('broken')) throw new TypeError('Failed to fetch');
      return host.fetch(url, init);
    }) as typeof fetch;
    expect(await syncDueSubscriptions(db, store, { fetch: fetchSome, now: () => clock })).toEqual({ [URL_A]: 'installed', 'https://broken.example/p.json': 'failed' });
  });

  it('keeps policy subscriptions out of the agent’s hands, from the managed storage', async () => {
    await fakeBrowser.storage.managed.set({ packUrls: [URL_A], trustedKeys: [lead.publicKey], allowUnsignedPacks: false });
    const { policy, problems } = await readPackPolicy(managedStoragePolicySource());
    expect(problems).toEqual([]);
    expect(policy).toMatchObject({ packUrls: [URL_A], trustedKeys: [lead.publicKey], allowUnsignedPacks: false });
    await subscribe(store, 'https://mine.example/p.json', clock);
    await applyPolicySubscriptions(store, policy, clock);
    expect((await store.all()).map((s) => [s.url, s.fromPolicy])).toEqual([['https://mine.example/p.json', false], [URL_A, true]]);
    await expect(unsubscribe(store, URL_A)).rejects.toThrow(/set by your organisation’s policy/);
    await unsubscribe(store, 'https://mine.example/p.json');

    // Packs from the policy URL must be signed by the trusted key.
    const host = staticHost();
    host.body = JSON.stringify(makePack('1.0.0', [{ id: 'greet' }]));
    expect((await syncSubscription(db, store, URL_A, { fetch: host.fetch, policy, now: () => clock })).subscription?.lastError?.message).toMatch(/only allows packs signed with its trusted keys/);
    host.body = await signedText('1.0.0', 'Signed hello');
    expect(await syncSubscription(db, store, URL_A, { fetch: host.fetch, policy, now: () => clock })).toMatchObject({ outcome: 'installed' });
    expect(((await db.packs.get('team')) as { source?: string }).source).toBe('policy');

    // The policy drops the URL: the subscription goes, the installed pack stays.
    await fakeBrowser.storage.managed.set({ packUrls: [] });
    await applyPolicySubscriptions(store, (await readPackPolicy(managedStoragePolicySource())).policy, clock);
    expect(await store.all()).toEqual([]);
    expect(await db.packs.get('team')).toBeDefined();
  });

  it('tells watchers about policy changes', async () => {
    const source = managedStoragePolicySource();
    let calls = 0;
    const stop = source.watch(() => calls++);
    await fakeBrowser.storage.managed.set({ allowPersonalScripts: false });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(await personalScriptsAllowed(source)).toBe(false);
    stop();
    await fakeBrowser.storage.managed.set({ allowPersonalScripts: true });
    expect(calls).toBe(1);
    expect(await personalScriptsAllowed(source)).toBe(true);
  });
});
