import { browser } from 'wxt/browser';
import en from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
type Messages = Record<string, { message: string } | undefined>;

/** The extension's own interface languages (the `_locales` folders). */
export const INTERFACE_LANGUAGES = ['en', 'hi', 'ta', 'te', 'es'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** Where the agent's choice of interface language is kept (`storage.local`); absent or `auto`: the browser's. */
export const INTERFACE_LANGUAGE_KEY = 'interfaceLanguage';

// Loaded on demand: a page carries only the language it shows.
const LOADERS: Record<InterfaceLanguage, () => Promise<{ default: Messages }>> = {
  en: () => Promise.resolve({ default: en as Messages }),
  hi: () => import('@/public/_locales/hi/messages.json') as Promise<{ default: Messages }>,
  ta: () => import('@/public/_locales/ta/messages.json') as Promise<{ default: Messages }>,
  te: () => import('@/public/_locales/te/messages.json') as Promise<{ default: Messages }>,
  es: () => import('@/public/_locales/es/messages.json') as Promise<{ default: Messages }>,
};

/** Set when the agent picked a language in settings; the browser's i18n answers otherwise. */
let chosen: { lang: InterfaceLanguage; messages: Messages } | null = null;

function substitute(text: string, substitutions?: string | string[]): string {
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  subs.forEach((value, i) => {
    text = text.replaceAll(`$${i + 1}`, value);
  });
  return text;
}

/**
 * The interface's words come from `_locales`: the language the agent chose in settings, else the browser's i18n
 * (the browser's language). Outside an extension page (component tests) the English file answers.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const fromChoice = chosen?.messages[key]?.message;
  if (fromChoice) return substitute(fromChoice, substitutions);
  try {
    const fromBrowser = browser.i18n.getMessage(key, substitutions);
    if (fromBrowser) return fromBrowser;
  } catch {
    // No extension i18n here (component tests): English below.
  }
  return substitute(en[key]?.message ?? key, substitutions);
}

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
}

/** The language the interface speaks now: the agent's choice, else the browser's when we have it, else English. */
export function interfaceLanguage(): InterfaceLanguage {
  if (chosen) return chosen.lang;
  try {
    const ui = (browser.i18n.getUILanguage?.() ?? 'en').toLowerCase().split(/[-_]/)[0];
    if (isInterfaceLanguage(ui)) return ui;
  } catch {
    // Not in an extension page.
  }
  return 'en';
}

/** BCP-47 locale for dates and numbers in the interface language (Indian English-style grouping for hi/ta/te). */
export function interfaceLocale(): string {
  const lang = interfaceLanguage();
  return lang === 'en' || lang === 'es' ? lang : `${lang}-IN`;
}

/** Uses a language other than the browser's (null: back to the browser's). */
export async function applyInterfaceLanguage(lang: InterfaceLanguage | null): Promise<void> {
  chosen = lang ? { lang, messages: (await LOADERS[lang]()).default } : null;
  if (typeof document !== 'undefined') document.documentElement.lang = interfaceLanguage();
}

/** Reads the agent's choice from settings and applies it; pages call this before their first render. */
export async function initInterfaceLanguage(): Promise<InterfaceLanguage> {
  let stored: unknown = null;
  try {
    stored = (await browser.storage.local.get(INTERFACE_LANGUAGE_KEY))[INTERFACE_LANGUAGE_KEY];
  } catch {
    // No extension storage (tests): the browser's language.
  }
  await applyInterfaceLanguage(isInterfaceLanguage(stored) ? stored : null).catch(() => applyInterfaceLanguage(null));
  return interfaceLanguage();
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(interfaceLocale(), options).format(value);
}

export function formatDate(at: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(interfaceLocale(), options).format(at);
}
