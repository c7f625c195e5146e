import type { ScriptChannel, ScriptKind } from '@/scripts-library/schemas';
import type { PhrasingCheckId } from '@/scripts-library/phrasing';
import type { ReviewPoint, ReviewStatus } from '@/scripts-library/review';
import type { TemplateVariable } from '@/scripts-library/template';
import type { Language } from '@/scripts-library/schemas';
import { t, type MessageKey } from '../i18n';
import { languageName } from '../labels';

// Names of the library's enumerations in the interface language (keys in public/_locales/*/messages.json).
export const kindName = (kind: ScriptKind): string => t(`kind_${kind}` as MessageKey);
export const channelName = (channel: ScriptChannel): string => t(`channel_${channel}` as MessageKey);
export const checkTitle = (check: PhrasingCheckId): string => t(`check_${check.replaceAll('-', '_')}_title` as MessageKey);
/** The explanation; `detail` is a count, or a language id for wrong-language (shown by its name). */
export const checkWhy = (check: PhrasingCheckId, detail?: string): string =>
  t(`check_${check.replaceAll('-', '_')}_why` as MessageKey, check === 'wrong-language' && detail ? languageName(detail as Language) : (detail ?? ''));
export const variableName = (name: TemplateVariable): string => t(`var_${name.replace('.', '_')}` as MessageKey);
export const reviewPointName = (point: ReviewPoint): string => t(`review_${point.replace('-', '_')}` as MessageKey);
export const reviewPointHint = (point: ReviewPoint): string => t(`review_${point.replace('-', '_')}_hint` as MessageKey);
export const reviewStatusName = (status: ReviewStatus): string => t(`reviewStatus_${status.replace('-', '_')}` as MessageKey);
