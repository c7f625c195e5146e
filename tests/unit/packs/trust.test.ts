import { describe, expect, it } from 'vitest';
import { checkPackUrl, decidePackTrust, NO_POLICY, parsePackPolicy, unsignedPacksAllowed, type PackPolicy } from '@/scripts-library/packs/trust';
import type { SignatureCheck } from '@/scripts-library/packs/signature';

const KEY_A = 'A'.repeat(43) + '=';
const KEY_B = 'B'.repeat(42) + 'A=';
const valid = (publicKey: string): SignatureCheck => ({ status: 'valid', publicKey });
const unsigned: SignatureCheck = { status: 'unsigned' };
const policy = (raw: object): PackPolicy => parsePackPolicy(raw).policy;

describe('decidePackTrust', () => {
  it('without a policy: signed and unsigned packs install, unsigned ones marked', () => {
    expect(decidePackTrust({ signature: valid(KEY_A), policy: NO_POLICY, installedSignedBy: null })).toEqual({ accepted: true, signedBy: KEY_A, trusted: false, unsigned: false });
    expect(decidePackTrust({ signature: unsigned, policy: NO_POLICY, installedSignedBy: null })).toEqual({ accepted: true, signedBy: null, trusted: false, unsigned: true });
  });

  it('always refuses a signature that does not verify, with the reason', () => {
    const decision = decidePackTrust({ signature: { status: 'invalid', publicKey: KEY_A, reason: 'the signature does not match the contents' }, policy: NO_POLICY, installedSignedBy: null });
    expect(decision).toEqual({ accepted: false, reason: "The pack's signature is not valid: the signature does not match the contents. Ask the publisher for a fresh copy." });
  });

  it('with trusted keys: only packs signed by them, and no unsigned ones unless the policy says so', () => {
    const strict = policy({ trustedKeys: [KEY_A] });
    expect(decidePackTrust({ signature: valid(KEY_A), policy: strict, installedSignedBy: null })).toMatchObject({ accepted: true, trusted: true });
    expect(decidePackTrust({ signature: valid(KEY_B), policy: strict, installedSignedBy: null })).toEqual({ accepted: false, reason: `The pack is signed with key ${KEY_B.slice(0, 12)}…, which your organisation's policy does not trust.` });
    expect(decidePackTrust({ signature: unsigned, policy: strict, installedSignedBy: null })).toMatchObject({ accepted: false, reason: expect.stringMatching(/only allows packs signed with its trusted keys/) });
    const lenient = policy({ trustedKeys: [KEY_A], allowUnsignedPacks: true });
    expect(decidePackTrust({ signature: unsigned, policy: lenient, installedSignedBy: null })).toMatchObject({ accepted: true, unsigned: true });
  });

  it('keeps a pack with the key it was first installed with, unless the policy trusts the new key', () => {
    expect(decidePackTrust({ signature: valid(KEY_B), policy: NO_POLICY, installedSignedBy: KEY_A })).toMatchObject({ accepted: false, reason: expect.stringMatching(/cannot change hands silently/) });
    expect(decidePackTrust({ signature: unsigned, policy: NO_POLICY, installedSignedBy: KEY_A })).toMatchObject({ accepted: false, reason: expect.stringMatching(/unsigned version cannot replace it/) });
    expect(decidePackTrust({ signature: valid(KEY_B), policy: policy({ trustedKeys: [KEY_A, KEY_B] }), installedSignedBy: KEY_A })).toMatchObject({ accepted: true });
  });

  it('refuses unsigned packs when the policy forbids them even without keys', () => {
    expect(decidePackTrust({ signature: unsigned, policy: policy({ allowUnsignedPacks: false }), installedSignedBy: null })).toMatchObject({ accepted: false, reason: expect.stringMatching(/does not allow unsigned packs/) });
  });
});

describe('parsePackPolicy', () => {
  it('reads a full policy and normalises keys and URLs', () => {
    const { policy, problems } = parsePackPolicy({
      packUrls: ['https://packs.example.org/team.json', 'https://packs.example.org/team.json'],
      trustedKeys: [` ed25519:${KEY_A} `],
      allowUnsignedPacks: false,
      allowPersonalScripts: false,
      allowRollback: true,
      syncIntervalMinutes: 60,
    });
    expect(problems).toEqual([]);
    expect(policy).toEqual({ packUrls: ['https://packs.example.org/team.json'], trustedKeys: [KEY_A], allowUnsignedPacks: false, allowPersonalScripts: false, allowRollback: true, syncIntervalMinutes: 60 });
  });

  it('has safe defaults when there is no policy at all', () => {
    for (const raw of [undefined, null, {}]) {
      const { policy, problems } = parsePackPolicy(raw);
      expect(problems).toEqual([]);
      expect(policy).toEqual(NO_POLICY);
    }
    expect(unsignedPacksAllowed(NO_POLICY)).toBe(true);
    expect(NO_POLICY.allowPersonalScripts).toBe(true);
  });

  it('drops bad entries with a message and keeps the rest', () => {
    const { policy, problems } = parsePackPolicy({ packUrls: ['http://example.org/p.json', 'https://ok.example/p.json', 7], trustedKeys: [KEY_A, 'nope'], syncIntervalMinutes: 1, allowRollback: 'yes' });
    expect(policy.packUrls).toEqual(['https://ok.example/p.json']);
    expect(policy.trustedKeys).toEqual([KEY_A]);
    expect(policy.syncIntervalMinutes).toBe(360);
    expect(policy.allowRollback).toBe(false);
    expect(problems).toEqual([
      'trustedKeys[1]: not a base64 Ed25519 public key (32 bytes)',
      'packUrls[0]: must start with https:// (plain http only for this machine)',
      'packUrls[2]: must be a URL string',
      'allowRollback: Invalid input: expected boolean, received string',
      'syncIntervalMinutes: Too small: expected number to be >=15',
    ]);
  });

  it('fails closed when every trusted key is unusable: nothing installs until the list is fixed', () => {
    for (const trustedKeys of [['nope'], 'nope']) {
      const { policy, problems } = parsePackPolicy({ trustedKeys });
      expect(problems.length).toBeGreaterThan(0);
      expect(decidePackTrust({ signature: valid(KEY_A), policy, installedSignedBy: null }).accepted).toBe(false);
      expect(decidePackTrust({ signature: unsigned, policy, installedSignedBy: null }).accepted).toBe(false);
    }
  });
});

describe('checkPackUrl', () => {
  it('takes HTTPS anywhere and HTTP only on this machine', () => {
    expect(checkPackUrl(' https://packs.example.org/a.json ')).toEqual({ ok: true, url: 'https://packs.example.org/a.json' });
    expect(checkPackUrl('http://127.0.0.1:8080/a.json')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/a.json' });
    expect(checkPackUrl('http://packs.example.org/a.json')).toMatchObject({ ok: false });
    expect(checkPackUrl('https://user:pw@example.org/a.json')).toMatchObject({ ok: false, reason: expect.stringMatching(/password/) });
    expect(checkPackUrl('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(checkPackUrl('not a url')).toEqual({ ok: false, reason: 'not a URL' });
  });
});
