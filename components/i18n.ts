import { browser } from 'wxt/browser';
import en from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/**
 * The interface's words come from `_locales` through the browser's i18n, so the panel speaks the browser's language.
 * Outside an extension page (component tests) the English file answers.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    const fromBrowser = browser.i18n.getMessage(key, substitutions);
    if (fromBrowser) return fromBrowser;
  } catch {
    // No extension i18n here (component tests): English below.
  }
  let text: string = en[key]?.message ?? key;
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  subs.forEach((value, i) => {
    text = text.replaceAll(`$${i + 1}`, value);
  });
  return text;
}
