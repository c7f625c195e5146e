import type { Language, Stage } from '@/scripts-library/schemas';
import { t, type MessageKey } from './i18n';

export const stageName = (stage: Stage): string => t(`stage_${stage}` as MessageKey);
export const stageHint = (stage: Stage): string => t(`stageHint_${stage}` as MessageKey);
export const languageName = (lang: Language): string => t(`lang_${lang.replace('-', '_')}` as MessageKey);
