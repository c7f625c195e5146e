import { browser } from 'wxt/browser';
import type { EditableField } from '@/storage/history';
import { t, type MessageKey } from '../i18n';

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return globalThis.navigator?.language ?? 'en';
  }
}

let formatter: Intl.DateTimeFormat | null = null;
export function formatTime(at: number): string {
  try {
    formatter ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
    return formatter.format(at);
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
