import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalPackBytes, CanonicalJsonError } from '@/scripts-library/packs/canonical';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ z: true, y: null }], A: 'x' })).toBe('{"A":"x","a":[{"y":null,"z":true}],"b":1}');
    // By code units 😀 (surrogates D83D DE00) sorts before U+FB33, though by code points it would come after.
    expect(canonicalJson({ '\uFB33': 3, '😀': 1, '€': 2 })).toBe('{"€":2,"😀":1,"\uFB33":3}');
  });

  it('writes numbers and strings as ECMAScript does', () => {
    expect(canonicalJson([1e21, 1.5e-7, -0, 100, 0.1])).toBe('[1e+21,1.5e-7,0,100,0.1]');
    expect(canonicalJson('a"b\\c\n\u0001€')).toBe('"a\\"b\\\\c\\n\\u0001€"');
  });

  it('is the same for the same data however the file was formatted', () => {
    const one = JSON.parse('{"id":"p","scripts":[{"text":"Hi","id":"a"}]}');
    const two = JSON.parse('{\n  "scripts" : [ { "id" : "a", "text" : "\\u0048i" } ],\n  "id" : "p"\n}');
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('refuses what has no single byte form: lone surrogates, NaN, Infinity', () => {
    expect(() => canonicalJson({ text: 'a\uD800b' })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson([Number.NaN])).toThrow(/not a JSON number/);
    expect(() => canonicalJson({ n: Infinity })).toThrow(CanonicalJsonError);
    expect(canonicalJson('😀')).toBe('"😀"');
  });

  it('leaves the signature out of the signed bytes', () => {
    const bytes = canonicalPackBytes({ id: 'p', signature: { value: 'x' } });
    expect(new TextDecoder().decode(bytes)).toBe('{"id":"p"}');
  });
});
