import { z } from 'zod';

/**
 * A pack URL an agent (or the policy) subscribes to, and where its last check left it. Stored as one record per URL;
 * the background and the library page both update it, so every change is a pure step from the previous record.
 */

export const PackSubscription = z.object({
  url: z.string(),
  /** Set by the policy: the agent cannot remove it. */
  fromPolicy: z.boolean().default(false),
  /** The pack the URL served last, once one installed. */
  packId: z.string().nullable().default(null),
  installedVersion: z.string().nullable().default(null),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
  subscribedAt: z.number(),
  lastCheckedAt: z.number().nullable().default(null),
  /** Last check that ended with the pack current (installed or confirmed unchanged). */
  lastSyncedAt: z.number().nullable().default(null),
  lastError: z
    .object({
      message: z.string(),
      at: z.number(),
      /** `older-version`: the URL serves an older version; the agent may ask for a rollback. */
      code: z.enum(['network', 'http', 'refused', 'older-version']),
      /** The version the URL served, when known. */
      version: z.string().nullable().default(null),
    })
    .nullable()
    .default(null),
  consecutiveFailures: z.number().int().nonnegative().default(0),
  nextCheckAt: z.number(),
});
export type PackSubscription = z.infer<typeof PackSubscription>;
export type SyncErrorCode = NonNullable<PackSubscription['lastError']>['code'];

/** The first retry after a failure; each further failure doubles it, up to a day. */
export const FIRST_RETRY_MS = 5 * 60_000;
export const MAX_RETRY_MS = 24 * 60 * 60_000;

export function retryDelay(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(consecutiveFailures - 1, 20));
}

export function newSubscription(url: string, now: number, fromPolicy = false): PackSubscription {
  return PackSubscription.parse({ url, fromPolicy, subscribedAt: now, nextCheckAt: now });
}

export function afterSyncSuccess(
  subscription: PackSubscription,
  result: { now: number; intervalMs: number; packId?: string; version?: string; etag?: string | null; lastModified?: string | null },
): PackSubscription {
  return {
    ...subscription,
    packId: result.packId ?? subscription.packId,
    installedVersion: result.version ?? subscription.installedVersion,
    etag: result.etag === undefined ? subscription.etag : result.etag,
    lastModified: result.lastModified === undefined ? subscription.lastModified : result.lastModified,
    lastCheckedAt: result.now,
    lastSyncedAt: result.now,
    lastError: null,
    consecutiveFailures: 0,
    nextCheckAt: result.now + result.intervalMs,
  };
}

export function afterSyncFailure(
  subscription: PackSubscription,
  failure: { now: number; message: string; code: SyncErrorCode; version?: string | null },
): PackSubscription {
  const consecutiveFailures = subscription.consecutiveFailures + 1;
  return {
    ...subscription,
    lastCheckedAt: failure.now,
    lastError: { message: failure.message, at: failure.now, code: failure.code, version: failure.version ?? null },
    consecutiveFailures,
    nextCheckAt: failure.now + retryDelay(consecutiveFailures),
  };
}

/** The host permission a pack URL needs. Match patterns carry no port: `http://127.0.0.1/*` covers every port. */
export function hostPermissionFor(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
