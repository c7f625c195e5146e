import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAL_STEPS } from '@/scripts-library/heal';
import { INTERFACE_LANGUAGES } from '@/components/i18n';
import type { RankFactorName } from '@/scripts-library/ranking';

// Every string the agent's-minute parts show comes from _locales: each key they use, literal or built from a
// name, must exist in all five languages. (tests/unit/locales.test.ts checks the five files agree with each other.)

const root = resolve(import.meta.dirname, '../../..');
const locale = (lang: string) => JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const locales = Object.fromEntries(INTERFACE_LANGUAGES.map((lang) => [lang, locale(lang)]));
const sourceDirs = ['components/panel', 'components/insights', 'entrypoints/sidepanel', 'entrypoints/content/palette', 'entrypoints/palette'];

function sources(): Array<{ file: string; text: string }> {
  return sourceDirs.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') })),
  );
}

const FACTORS: RankFactorName[] = ['stage', 'language', 'channel', 'kind', 'heal', 'words', 'pack', 'favourite', 'recency', 'frequency', 'used'];

describe('interface strings of the panel, palette and dashboard', () => {
  it('every literal key exists in every language', () => {
    const missing: string[] = [];
    for (const { file, text } of sources()) {
      for (const match of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) {
        for (const lang of INTERFACE_LANGUAGES) if (!locales[lang]![match[1]!]) missing.push(`${lang}: ${match[1]} (${file})`);
      }
      for (const match of text.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)) {
        for (const lang of INTERFACE_LANGUAGES) if (!locales[lang]![match[1]!]) missing.push(`${lang}: ${match[1]} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every key built from a name exists in every language', () => {
    const built = [
      ...HEAL_STEPS.flatMap((s) => [`heal_${s}`, `healHint_${s}`]),
      ...['calm', 'uneasy', 'upset'].map((m) => `mood_${m}`),
      ...INTERFACE_LANGUAGES.map((l) => `uiLang_${l}`),
      ...['customer', 'sibling', 'agent', 'english'].map((l) => `why_language_${l}`),
      ...['match', 'other', 'neighbour'].map((s) => `why_stage_${s}`),
      'why_channel_match', 'why_channel_mismatch', 'why_used_sent', 'why_used_inserted', 'why_recency_today', 'why_recency_days',
      ...FACTORS.filter((f) => !['stage', 'language', 'channel', 'used', 'recency'].includes(f)).map((f) => `why_${f}`),
      'healDoneSent', 'healDoneDraft', 'commandOpenPanel',
    ];
    for (const lang of INTERFACE_LANGUAGES) {
      expect(built.filter((key) => !locales[lang]![key]), lang).toEqual([]);
    }
  });

  it('no visible English is written into the markup of these components', () => {
    // JSX text between tags must be an expression ({t(...)}, a number), not words typed into the source.
    const offenders: string[] = [];
    for (const { file, text } of sources().filter((s) => s.file.endsWith('.tsx'))) {
      for (const match of text.matchAll(/>\s*([A-Za-z][A-Za-z ,.'’!?-]{2,})\s*</g)) offenders.push(`${file}: ${match[1]}`);
      for (const match of text.matchAll(/\b(?:aria-label|title|placeholder|alt)="([^"]+)"/g)) offenders.push(`${file}: ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
