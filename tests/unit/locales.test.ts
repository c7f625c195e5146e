import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every interface string comes from _locales; a key missing in any language is a bug an agent would see.
const localesDir = join(import.meta.dirname, '../../public/_locales');
const read = (lang: string) =>
  JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const english = read('en');

describe('interface languages', () => {
  const languages = readdirSync(localesDir);
  it('ships English, Hindi, Tamil, Telugu and Spanish', () => {
    expect(languages.sort()).toEqual(['en', 'es', 'hi', 'ta', 'te']);
  });

  for (const lang of languages) {
    it(`${lang} has every key, with the same placeholders, and nothing else`, () => {
      const messages = read(lang);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, { message }] of Object.entries(english)) {
        const placeholders = (text: string) => (text.match(/\$\d/g) ?? []).sort();
        expect(placeholders(messages[key]!.message), `${lang}: ${key}`).toEqual(placeholders(message));
        expect(messages[key]!.message.trim(), `${lang}: ${key}`).not.toBe('');
      }
    });
  }
});
