import type { Language } from '../../schemas';
import { enBroad } from './broad/en';
import { esBroad } from './broad/es';
import { hiBroad } from './broad/hi';
import { hiLatnBroad } from './broad/hi-latn';
import { taBroad } from './broad/ta';
import { taLatnBroad } from './broad/ta-latn';
import { teBroad } from './broad/te';
import { teLatnBroad } from './broad/te-latn';
import { en } from './en';
import { es } from './es';
import { hi } from './hi';
import { hiLatn } from './hi-latn';
import { ta } from './ta';
import { taLatn } from './ta-latn';
import { te } from './te';
import { teLatn } from './te-latn';
import type { CueKind, LanguageCues } from './types';

export { CUE_KINDS } from './types';
export type { CueKind, LanguageCues } from './types';
export { EMOJI_CUES, EMOTICON_CUES } from './emoji';

/** Category-level vocabulary for one language, merged into its core list (see `broad/README.md`). */
export type BroadCues = Partial<Record<CueKind, readonly string[]>>;

function merge(core: LanguageCues, broad: BroadCues): LanguageCues {
  const phrases: Partial<Record<CueKind, readonly string[]>> = { ...core.phrases };
  for (const [kind, list] of Object.entries(broad) as [CueKind, readonly string[]][]) {
    phrases[kind] = [...(phrases[kind] ?? []), ...list];
  }
  return { ...core, phrases };
}

export const CUES_BY_LANGUAGE: Readonly<Record<Language, LanguageCues>> = {
  en: merge(en, enBroad),
  es: merge(es, esBroad),
  hi: merge(hi, hiBroad),
  'hi-Latn': merge(hiLatn, hiLatnBroad),
  ta: merge(ta, taBroad),
  'ta-Latn': merge(taLatn, taLatnBroad),
  te: merge(te, teBroad),
  'te-Latn': merge(teLatn, teLatnBroad),
};
