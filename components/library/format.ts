import type { EditableField } from '@/storage/history';
import { formatDate, t, type MessageKey } from '../i18n';

/** A moment in the interface language the agent chose (settings), with date and time. */
export function formatTime(at: number): string {
  try {
    return formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return new Date(at).toISOString();
  }
}

const FIELD_KEYS: Record<EditableField, MessageKey> = {
  title: 'fieldTitle',
  text: 'fieldText',
  lang: 'fieldLanguage',
  stage: 'fieldStage',
  kind: 'fieldKind',
  channel: 'fieldChannel',
  tags: 'fieldTags',
};
export const fieldName = (field: string): string => (field in FIELD_KEYS ? t(FIELD_KEYS[field as EditableField]) : field);
