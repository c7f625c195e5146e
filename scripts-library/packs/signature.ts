import { canonicalPackBytes, CanonicalJsonError } from './canonical';
import { PackSignature } from './format';

/**
 * Ed25519 signatures over a pack's canonical JSON, with WebCrypto: the same API in Node 20 and in Chromium 137+,
 * so the command line that signs and the extension that verifies run the very same code, with no dependency.
 * Public keys travel as base64 of their 32 raw bytes (what a policy lists); private keys as JWK files.
 */

export type SignatureCheck =
  | { status: 'unsigned' }
  | { status: 'valid'; publicKey: string }
  | { status: 'invalid'; publicKey: string | null; reason: string };

export interface PackKeyPair {
  /** JWK ({kty: 'OKP', crv: 'Ed25519', d, x}); keep it secret. */
  privateKey: JsonWebKey;
  /** Base64 of the 32-byte public key. */
  publicKey: string;
}

export class SigningUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`This browser cannot check Ed25519 signatures (Chrome 137 or later can): ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export async function generatePackKeyPair(): Promise<PackKeyPair> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateKey = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  return { privateKey, publicKey };
}

/** The public half of a private JWK, in the base64 form packs and policies use. */
export function publicKeyOf(privateKey: JsonWebKey): string {
  if (privateKey.kty !== 'OKP' || privateKey.crv !== 'Ed25519' || typeof privateKey.x !== 'string' || typeof privateKey.d !== 'string') {
    throw new Error('not an Ed25519 private key (expected a JWK with kty "OKP", crv "Ed25519", d and x)');
  }
  return toBase64(fromBase64(privateKey.x));
}

/**
 * Returns a copy of `document` with a fresh `signature` member. The caller validates the pack first: signing is for
 * packs that install.
 */
export async function signPackDocument(document: Record<string, unknown>, privateKey: JsonWebKey): Promise<Record<string, unknown>> {
  const publicKey = publicKeyOf(privateKey);
  const key = await crypto.subtle.importKey('jwk', { ...privateKey, key_ops: ['sign'] }, { name: 'Ed25519' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, asBuffer(canonicalPackBytes(document))));
  const { signature: _old, ...rest } = document;
  const signed: PackSignature = { algorithm: 'Ed25519', publicKey, value: toBase64(signature) };
  return { ...rest, signature: signed };
}

/** Checks the signature against the key it names. Whether that key is trusted is `decidePackTrust`'s question. */
export async function checkPackSignature(document: Record<string, unknown>): Promise<SignatureCheck> {
  if (document.signature === undefined) return { status: 'unsigned' };
  const parsed = PackSignature.safeParse(document.signature);
  if (!parsed.success) return { status: 'invalid', publicKey: null, reason: 'the signature member is malformed' };
  const { publicKey, value } = parsed.data;
  // Base64 has spare bits; requiring the one canonical spelling means no byte of a signed file can change unnoticed.
  if (toBase64(fromBase64(value)) !== value || toBase64(fromBase64(publicKey)) !== publicKey) {
    return { status: 'invalid', publicKey, reason: 'the signature is not written in canonical base64' };
  }
  let bytes: Uint8Array;
  try {
    bytes = canonicalPackBytes(document);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { status: 'invalid', publicKey, reason: error.message };
    throw error;
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', asBuffer(fromBase64(publicKey)), { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotSupportedError') throw new SigningUnavailableError(error);
    return { status: 'invalid', publicKey, reason: 'the public key in the signature is not a valid Ed25519 key' };
  }
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, asBuffer(fromBase64(value)), asBuffer(bytes));
  return ok
    ? { status: 'valid', publicKey }
    : { status: 'invalid', publicKey, reason: 'the signature does not match the contents: the pack was changed after it was signed' };
}

/** Accepts a key as people paste it: surrounding space, an `ed25519:` prefix, URL-safe base64. Null if not a key. */
export function normalisePublicKey(input: string): string | null {
  const bare = input.trim().replace(/^ed25519:/i, '');
  try {
    const bytes = fromBase64(bare);
    return bytes.length === 32 ? toBase64(bytes) : null;
  } catch {
    return null;
  }
}

/** A short, readable handle for a key in messages: its first 12 base64 characters. */
export function keyLabel(publicKey: string): string {
  return `${publicKey.slice(0, 12)}…`;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(triple >> 18) & 63]! + ALPHABET[(triple >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(triple >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[triple & 63]!;
  }
  return out;
}

/** Standard or URL-safe base64, padding optional; throws on anything else. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) throw new Error('not base64');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (const char of clean) {
    buffer = ((buffer << 6) | ALPHABET.indexOf(char)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

// WebCrypto's typings want an ArrayBuffer-backed view; TextEncoder's output is one, but TypeScript 5.9 cannot tell.
function asBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
