import { LANGUAGES, type Pack } from '../schemas';
import { enScripts } from './en';
import { esScripts } from './es';
import { hiScripts } from './hi';
import { hiLatnScripts, taLatnScripts, teLatnScripts } from './romanized';
import { taScripts } from './ta';
import { teScripts } from './te';

export const DEFAULT_PACK_ID = 'default';
export const DEFAULT_PACK_VERSION = '1.0.0';

export const defaultPack: Pack = {
  id: DEFAULT_PACK_ID,
  name: 'Default scripts',
  version: DEFAULT_PACK_VERSION,
  publisher: 'Agent Assist',
  description:
    'Customer-service phrases for every conversation stage in English, Hindi, Tamil, Telugu (native script and romanized) and Spanish.',
  languages: [...LANGUAGES],
  scripts: [
    ...enScripts,
    ...hiScripts,
    ...hiLatnScripts,
    ...taScripts,
    ...taLatnScripts,
    ...teScripts,
    ...teLatnScripts,
    ...esScripts,
  ],
};
