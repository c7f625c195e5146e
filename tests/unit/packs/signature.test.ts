import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalPackBytes } from '@/scripts-library/packs/canonical';
import { readPackBytes } from '@/scripts-library/packs/format';
import {
  checkPackSignature,
  fromBase64,
  generatePackKeyPair,
  normalisePublicKey,
  publicKeyOf,
  signPackDocument,
  toBase64,
  type PackKeyPair,
} from '@/scripts-library/packs/signature';
import { bytesOf, makePack } from './helpers';

let lead: PackKeyPair;
let other: PackKeyPair;
beforeAll(async () => {
  [lead, other] = await Promise.all([generatePackKeyPair(), generatePackKeyPair()]);
});

const document = () => makePack('1.2.0', [{ id: 'a', text: 'Namaste {{customer.firstName}} 🙏' }, { id: 'b', locked: true, lang: 'hi', text: 'नमस्ते' }], { languages: ['en', 'hi'] }) as unknown as Record<string, unknown>;

describe('pack signatures', () => {
  it('signs and verifies with the key named in the signature', async () => {
    const signed = await signPackDocument(document(), lead.privateKey);
    expect(signed.signature).toMatchObject({ algorithm: 'Ed25519', publicKey: lead.publicKey });
    expect(await checkPackSignature(signed)).toEqual({ status: 'valid', publicKey: lead.publicKey });
    expect(publicKeyOf(lead.privateKey)).toBe(lead.publicKey);
  });

  it('survives re-formatting the file (key order, indentation), since it covers the canonical form', async () => {
    const signed = await signPackDocument(document(), lead.privateKey);
    const reordered = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(signed, null, 4)) as object).reverse());
    expect(await checkPackSignature(reordered)).toEqual({ status: 'valid', publicKey: lead.publicKey });
  });

  it('reports unsigned packs as unsigned, not as invalid', async () => {
    expect(await checkPackSignature(document())).toEqual({ status: 'unsigned' });
  });

  it('refuses a changed value, a changed signature, and another key put in the signature', async () => {
    const signed = await signPackDocument(document(), lead.privateKey);
    const changedText = structuredClone(signed);
    (changedText.scripts as Array<{ text: string }>)[1]!.text = 'नमस्कार';
    expect(await checkPackSignature(changedText)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/changed after it was signed/) });

    const unlocked = structuredClone(signed);
    (unlocked.scripts as Array<{ locked: boolean }>)[1]!.locked = false;
    expect((await checkPackSignature(unlocked)).status).toBe('invalid');

    const swappedKey = structuredClone(signed) as { signature: { publicKey: string } };
    swappedKey.signature.publicKey = other.publicKey;
    expect((await checkPackSignature(swappedKey)).status).toBe('invalid');

    const garbled = structuredClone(signed) as { signature: { value: string } };
    garbled.signature.value = 'x';
    expect(await checkPackSignature(garbled)).toMatchObject({ status: 'invalid', reason: 'the signature member is malformed' });
  });

  it('notices a change to any single byte of a signed file', async () => {
    const signed = await signPackDocument(document(), lead.privateKey);
    const original = bytesOf(signed);
    const originalCanonical = canonicalPackBytes(signed);
    let refusedAsFile = 0;
    let refusedBySignature = 0;
    let sameContent = 0;
    for (let at = 0; at < original.length; at++) {
      const tampered = original.slice();
      tampered[at]! ^= 0x01;
      const read = readPackBytes(tampered);
      if (!read.ok) {
        refusedAsFile++;
        continue;
      }
      const check = await checkPackSignature(read.document);
      if (check.status !== 'valid') {
        refusedBySignature++;
        continue;
      }
      // Accepted would only be right if the byte changed nothing the signature covers.
      expect(canonicalPackBytes(read.document)).toEqual(originalCanonical);
      sameContent++;
    }
    expect(refusedAsFile + refusedBySignature).toBe(original.length);
    expect(sameContent).toBe(0);
    // Flips in names, enums and punctuation break the file's form; flips in values reach the signature check.
    expect(refusedBySignature).toBeGreaterThan(100);
  });

  it('insists on canonical base64, so spare bits cannot be flipped unnoticed', async () => {
    const signed = (await signPackDocument(document(), lead.privateKey)) as { signature: { value: string } };
    const value = signed.signature.value;
    const last = value[85]!; // the 86th character carries 4 bits of the signature and 2 spare bits
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    signed.signature.value = `${value.slice(0, 85)}${sibling}==`;
    expect(fromBase64(signed.signature.value)).toEqual(fromBase64(value));
    expect(await checkPackSignature(signed as unknown as Record<string, unknown>)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/canonical base64/) });
  });

  it('reads public keys as people paste them', () => {
    const key = lead.publicKey;
    expect(normalisePublicKey(`  ${key}\n`)).toBe(key);
    expect(normalisePublicKey(`ed25519:${key}`)).toBe(key);
    expect(normalisePublicKey(key.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))).toBe(key);
    expect(normalisePublicKey('not a key')).toBeNull();
    expect(normalisePublicKey(toBase64(new Uint8Array(31)))).toBeNull();
  });

  it('round-trips base64 for every length', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      expect(toBase64(bytes)).toBe(btoa(String.fromCharCode(...bytes)));
    }
    expect(() => fromBase64('ab$c')).toThrow();
  });
});
