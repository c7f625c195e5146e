import { z } from 'zod';
import { keyLabel, normalisePublicKey, type SignatureCheck } from './signature';

/**
 * Who may change an agent's scripts. The organisation's policy (Chrome's `storage.managed`, see
 * public/managed-schema.json) names pack URLs and trusted keys; without a policy, the agent decides, and a pack once
 * installed signed stays with its key.
 */

export const PackPolicy = z.object({
  /** Packs every agent subscribes to; agents cannot unsubscribe from them. */
  packUrls: z.array(z.string().max(2000)).max(100).default([]),
  /** Base64 Ed25519 public keys. When any are named, only packs signed by one of them install. */
  trustedKeys: z.array(z.string().max(200)).max(100).default([]),
  /** Unset: unsigned packs are allowed only while no trusted keys are named. */
  allowUnsignedPacks: z.boolean().optional(),
  /** Whether agents may write or duplicate scripts of their own. */
  allowPersonalScripts: z.boolean().default(true),
  /** Whether a policy pack URL serving an older version rolls agents back to it. */
  allowRollback: z.boolean().default(false),
  /** How often subscribed URLs are checked. */
  syncIntervalMinutes: z.number().int().min(15).max(7 * 24 * 60).default(360),
});
export type PackPolicy = z.infer<typeof PackPolicy>;

export const NO_POLICY: PackPolicy = PackPolicy.parse({});

export interface ParsedPolicy {
  policy: PackPolicy;
  /** Entries that were ignored, and why: shown to the agent, who can tell the administrator. */
  problems: string[];
}

/**
 * Reads what the managed storage holds. A wrong entry is dropped with a message rather than voiding the whole
 * policy: one mistyped key must not switch off the trusted-key requirement.
 */
export function parsePackPolicy(raw: unknown): ParsedPolicy {
  const problems: string[] = [];
  const isObject = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  if (!isObject && raw !== undefined && raw !== null) problems.push('(policy): expected an object of settings');
  const input: Record<string, unknown> = isObject ? { ...(raw as Record<string, unknown>) } : {};
  const keyEntries = asArray(input.trustedKeys, 'trustedKeys', problems);
  const keys: string[] = [];
  for (const [i, entry] of keyEntries.entries()) {
    const key = typeof entry === 'string' ? normalisePublicKey(entry) : null;
    if (key) keys.push(key);
    else problems.push(`trustedKeys[${i}]: not a base64 Ed25519 public key (32 bytes)`);
  }
  // Dropping every key would silently open the door to any pack. When none of the named keys is usable, the entries
  // stay as written: they match no signature, so nothing installs until the administrator fixes the list.
  if (keys.length === 0 && keyEntries.length > 0) keys.push(...keyEntries.slice(0, 100).map((entry, i) => `unusable key ${i + 1}: ${String(entry).slice(0, 60)}`));
  const urls: string[] = [];
  for (const [i, entry] of asArray(input.packUrls, 'packUrls', problems).entries()) {
    const check = typeof entry === 'string' ? checkPackUrl(entry) : { ok: false as const, reason: 'must be a URL string' };
    if (check.ok) urls.push(check.url);
    else problems.push(`packUrls[${i}]: ${check.reason}`);
  }
  const parsed = PackPolicy.safeParse({ ...input, trustedKeys: [...new Set(keys)].slice(0, 100), packUrls: [...new Set(urls)].slice(0, 100) });
  if (parsed.success) {
    return { policy: parsed.data, problems };
  }
  // Keep the parts that parse; fall back on the safe value for each part that does not.
  const fallback: Record<string, unknown> = { trustedKeys: [...new Set(keys)].slice(0, 100), packUrls: [...new Set(urls)].slice(0, 100) };
  for (const field of ['allowUnsignedPacks', 'allowPersonalScripts', 'allowRollback', 'syncIntervalMinutes'] as const) {
    const one = PackPolicy.shape[field].safeParse(input[field]);
    if (one.success) fallback[field] = one.data;
    else problems.push(`${field}: ${one.error.issues[0]?.message ?? 'invalid'}`);
  }
  return { policy: PackPolicy.parse(fallback), problems };
}

function asArray(value: unknown, name: string, problems: string[]): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  // A lone value where a list belongs is read as a list of one, so that a single mistyped key still fails closed.
  problems.push(`${name}: expected a list`);
  return [value];
}

export function unsignedPacksAllowed(policy: PackPolicy): boolean {
  return policy.allowUnsignedPacks ?? policy.trustedKeys.length === 0;
}

export type PackSource = 'file' | 'url' | 'policy';

export type TrustDecision =
  | { accepted: true; signedBy: string | null; trusted: boolean; unsigned: boolean }
  | { accepted: false; reason: string };

export interface TrustQuestion {
  signature: SignatureCheck;
  policy: PackPolicy;
  /** Key the installed version of this pack was signed with, if it was. */
  installedSignedBy: string | null;
}

/** Whether a pack may install, given its signature, the policy and what is installed. Pure; the reason is for people. */
export function decidePackTrust({ signature, policy, installedSignedBy }: TrustQuestion): TrustDecision {
  const trustedKeys = new Set(policy.trustedKeys);
  if (signature.status === 'invalid') {
    return { accepted: false, reason: `The pack's signature is not valid: ${signature.reason}. Ask the publisher for a fresh copy.` };
  }
  if (signature.status === 'valid') {
    const key = signature.publicKey;
    const trusted = trustedKeys.has(key);
    if (trustedKeys.size > 0 && !trusted) {
      return { accepted: false, reason: `The pack is signed with key ${keyLabel(key)}, which your organisation's policy does not trust.` };
    }
    if (installedSignedBy && installedSignedBy !== key && !trusted) {
      return {
        accepted: false,
        reason: `The installed version was signed with key ${keyLabel(installedSignedBy)}, this one with ${keyLabel(key)}; a pack cannot change hands silently. Uninstall it first to accept the new key.`,
      };
    }
    return { accepted: true, signedBy: key, trusted, unsigned: false };
  }
  if (installedSignedBy) {
    return { accepted: false, reason: `The installed version was signed with key ${keyLabel(installedSignedBy)}; an unsigned version cannot replace it.` };
  }
  if (!unsignedPacksAllowed(policy)) {
    return {
      accepted: false,
      reason: trustedKeys.size > 0
        ? 'The pack is not signed, and your organisation only allows packs signed with its trusted keys.'
        : 'The pack is not signed, and your organisation does not allow unsigned packs.',
    };
  }
  return { accepted: true, signedBy: null, trusted: false, unsigned: true };
}

export type PackUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Subscriptions are HTTPS; plain HTTP only on this machine (a lead previewing a pack, the tests). */
export function checkPackUrl(input: string): PackUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'must not carry a user name or password' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { ok: true, url: url.href };
  return { ok: false, reason: 'must start with https:// (plain http only for this machine)' };
}
