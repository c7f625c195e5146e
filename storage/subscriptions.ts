import { browser } from 'wxt/browser';
import { MAX_PACK_BYTES } from '@/scripts-library/packs/format';
import {
  afterSyncFailure,
  afterSyncSuccess,
  newSubscription,
  PackSubscription,
  type SyncErrorCode,
} from '@/scripts-library/packs/subscription';
import { checkPackUrl, NO_POLICY, type PackPolicy } from '@/scripts-library/packs/trust';
import type { AgentAssistDatabase } from './database';
import { importPack, PackRefusedError } from './packs';

/**
 * Pack URLs the agent or the policy subscribed to. Kept in `storage.local`, one key per URL, so the background's
 * scheduled checks and the library page's "Check now" never overwrite each other's records.
 */

const KEY_PREFIX = 'packSubscription:';

export interface SubscriptionStore {
  all(): Promise<PackSubscription[]>;
  get(url: string): Promise<PackSubscription | null>;
  put(subscription: PackSubscription): Promise<void>;
  remove(url: string): Promise<void>;
  /** Calls back on any change; returns the way to stop. */
  watch(onChange: () => void): () => void;
}

export function localSubscriptionStore(): SubscriptionStore {
  const area = browser.storage.local;
  const parse = (value: unknown): PackSubscription | null => {
    const parsed = PackSubscription.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  return {
    async all() {
      const everything = await area.get(null);
      return Object.entries(everything)
        .filter(([key]) => key.startsWith(KEY_PREFIX))
        .map(([, value]) => parse(value))
        .filter((s) => s !== null)
        .sort((a, b) => a.subscribedAt - b.subscribedAt || a.url.localeCompare(b.url));
    },
    async get(url) {
      const key = KEY_PREFIX + url;
      return parse((await area.get(key))[key]);
    },
    async put(subscription) {
      await area.set({ [KEY_PREFIX + subscription.url]: subscription });
    },
    async remove(url) {
      await area.remove(KEY_PREFIX + url);
    },
    watch(onChange) {
      const listener = (changes: Record<string, unknown>, areaName: string) => {
        if (areaName === 'local' && Object.keys(changes).some((key) => key.startsWith(KEY_PREFIX))) onChange();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

export class SubscriptionError extends Error {}

export async function subscribe(store: SubscriptionStore, input: string, now = Date.now()): Promise<PackSubscription> {
  const check = checkPackUrl(input);
  if (!check.ok) throw new SubscriptionError(`The address ${check.reason}.`);
  const existing = await store.get(check.url);
  if (existing) return existing;
  const subscription = newSubscription(check.url, now);
  await store.put(subscription);
  return subscription;
}

export async function unsubscribe(store: SubscriptionStore, url: string): Promise<void> {
  const existing = await store.get(url);
  if (existing?.fromPolicy) throw new SubscriptionError('This pack is set by your organisation’s policy and cannot be removed here.');
  await store.remove(url);
}

/**
 * Makes the policy's pack URLs subscriptions the agent cannot remove, and drops policy subscriptions the policy no
 * longer lists (the installed pack stays until the agent uninstalls it).
 */
export async function applyPolicySubscriptions(store: SubscriptionStore, policy: PackPolicy, now = Date.now()): Promise<void> {
  const wanted = new Set(policy.packUrls);
  for (const subscription of await store.all()) {
    if (subscription.fromPolicy && !wanted.has(subscription.url)) await store.remove(subscription.url);
  }
  for (const url of wanted) {
    const existing = await store.get(url);
    if (!existing) await store.put(newSubscription(url, now, true));
    else if (!existing.fromPolicy) await store.put({ ...existing, fromPolicy: true });
  }
}

export interface SyncDependencies {
  fetch?: typeof fetch;
  policy?: PackPolicy;
  now?: () => number;
  /**
   * Whether the extension holds host permission for the URL. Only then are If-None-Match/If-Modified-Since sent: on
   * a plain CORS request they would force a preflight most static hosts do not answer.
   */
  hasHostAccess?: (url: string) => Promise<boolean>;
}

export interface SyncOptions {
  /** Ignore the ETag: fetch the whole file (the agent pressed "Check now" after an error). */
  force?: boolean;
  /** The agent asked to install an older version the URL now serves. */
  allowRollback?: boolean;
}

export type SyncOutcome = 'installed' | 'unchanged' | 'failed' | 'gone';

/** Checks one subscription now: conditional GET, import on change, and the record updated either way. */
export async function syncSubscription(
  db: AgentAssistDatabase,
  store: SubscriptionStore,
  url: string,
  deps: SyncDependencies = {},
  options: SyncOptions = {},
): Promise<{ outcome: SyncOutcome; subscription: PackSubscription | null }> {
  const now = deps.now ?? Date.now;
  const policy = deps.policy ?? NO_POLICY;
  const intervalMs = policy.syncIntervalMinutes * 60_000;
  const subscription = await store.get(url);
  if (!subscription) return { outcome: 'gone', subscription: null };

  const fail = async (code: SyncErrorCode, message: string, version: string | null = null) => {
    const updated = await update(store, url, (s) => afterSyncFailure(s, { now: now(), code, message, version }));
    return { outcome: 'failed' as const, subscription: updated };
  };

  const headers: Record<string, string> = {};
  const conditional = !options.force && (await (deps.hasHostAccess ?? (async () => false))(url));
  if (conditional && subscription.lastError === null) {
    if (subscription.etag) headers['If-None-Match'] = subscription.etag;
    else if (subscription.lastModified) headers['If-Modified-Since'] = subscription.lastModified;
  }
  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(url, { headers, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('network', `Could not fetch the pack (${reason}). Check the address and the connection; the server must allow this extension to read it (CORS).`);
  }
  if (response.status === 304) {
    const updated = await update(store, url, (s) => afterSyncSuccess(s, { now: now(), intervalMs }));
    return { outcome: 'unchanged', subscription: updated };
  }
  if (!response.ok) return fail('http', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);

  const body = await readCapped(response, MAX_PACK_BYTES);
  if (!body) return fail('refused', `The file is larger than the ${MAX_PACK_BYTES / 1024 / 1024} MB a pack may be.`);
  try {
    const result = await importPack(db, body, {
      source: subscription.fromPolicy ? 'policy' : 'url',
      sourceUrl: url,
      policy,
      allowRollback: options.allowRollback,
      now: now(),
    });
    const changed = result.added + result.updated + result.removed + result.relocked.length > 0 || result.version !== subscription.installedVersion;
    const updated = await update(store, url, (s) =>
      afterSyncSuccess(s, {
        now: now(),
        intervalMs,
        packId: result.packId,
        version: result.version,
        etag: response.headers.get('ETag'),
        lastModified: response.headers.get('Last-Modified'),
      }),
    );
    return { outcome: changed ? 'installed' : 'unchanged', subscription: updated };
  } catch (error) {
    if (!(error instanceof PackRefusedError)) throw error;
    const shown = error.problems.slice(0, 5).join('; ') + (error.problems.length > 5 ? ` (and ${error.problems.length - 5} more)` : '');
    const version = error.code === 'older-version' ? versionIn(body) : null;
    return fail(error.code === 'older-version' ? 'older-version' : 'refused', `Refused: ${shown}`, version);
  }
}

/** Checks every subscription whose time has come; one failing never stops the others. */
export async function syncDueSubscriptions(db: AgentAssistDatabase, store: SubscriptionStore, deps: SyncDependencies = {}): Promise<Record<string, SyncOutcome>> {
  const now = (deps.now ?? Date.now)();
  const outcomes: Record<string, SyncOutcome> = {};
  for (const subscription of await store.all()) {
    if (subscription.nextCheckAt > now) continue;
    try {
      outcomes[subscription.url] = (await syncSubscription(db, store, subscription.url, deps)).outcome;
    } catch (error) {
      console.error('Agent Assist: checking a pack subscription failed', subscription.url, error);
      outcomes[subscription.url] = 'failed';
    }
  }
  return outcomes;
}

/** Re-reads the record before writing: the agent may have unsubscribed while the pack was fetched. */
async function update(store: SubscriptionStore, url: string, step: (s: PackSubscription) => PackSubscription): Promise<PackSubscription | null> {
  const current = await store.get(url);
  if (!current) return null;
  const next = step(current);
  await store.put(next);
  return next;
}

async function readCapped(response: Response, max: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (declared > max) return null;
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.length > max ? null : whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function versionIn(body: Uint8Array): string | null {
  try {
    const version = (JSON.parse(new TextDecoder().decode(body)) as { version?: unknown }).version;
    return typeof version === 'string' ? version.slice(0, 50) : null;
  } catch {
    return null;
  }
}
