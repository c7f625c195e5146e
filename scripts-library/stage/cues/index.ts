import type { Language } from '../../schemas';
import { en } from './en';
import { es } from './es';
import { hi } from './hi';
import { hiLatn } from './hi-latn';
import { ta } from './ta';
import { taLatn } from './ta-latn';
import { te } from './te';
import { teLatn } from './te-latn';
import type { LanguageCues } from './types';

export { CUE_KINDS } from './types';
export type { CueKind, LanguageCues } from './types';
export { EMOJI_CUES, EMOTICON_CUES } from './emoji';

export const CUES_BY_LANGUAGE: Readonly<Record<Language, LanguageCues>> = {
  en,
  es,
  hi,
  'hi-Latn': hiLatn,
  ta,
  'ta-Latn': taLatn,
  te,
  'te-Latn': teLatn,
};
