import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  DEFAULT_PALETTE_TRIGGER,
  PALETTE_TRIGGER_CHOICES,
  PALETTE_TRIGGER_KEY,
  PALETTE_TRIGGER_OFF,
} from '@/entrypoints/content/palette/trigger';
import { INTERFACE_LANGUAGE_KEY, INTERFACE_LANGUAGES, interfaceLanguage, isInterfaceLanguage, t, type MessageKey } from '../i18n';

/** The command that opens the panel: the toolbar button's shortcut (`_execute_action`, Firefox: the sidebar's). */
const OPEN_PANEL_COMMANDS = ['_execute_action', '_execute_sidebar_action', '_execute_browser_action'];

/**
 * The agent's settings: interface language (the browser's, or one of ours), the in-page palette's key, and the
 * shortcut that opens this panel (changed in the browser's own shortcut settings). Kept in `storage.local`.
 */
export function SettingsSection() {
  const [uiChoice, setUiChoice] = useState<string>('auto');
  const [trigger, setTrigger] = useState<string>(DEFAULT_PALETTE_TRIGGER);
  const [shortcut, setShortcut] = useState<string | null>(null);

  useEffect(() => {
    browser.storage.local
      .get([INTERFACE_LANGUAGE_KEY, PALETTE_TRIGGER_KEY])
      .then((stored) => {
        const ui = stored[INTERFACE_LANGUAGE_KEY];
        setUiChoice(isInterfaceLanguage(ui) ? ui : 'auto');
        const key = stored[PALETTE_TRIGGER_KEY];
        if (typeof key === 'string') setTrigger(key);
      })
      .catch(() => {});
    browser.commands
      ?.getAll()
      .then((commands) => setShortcut(commands.find((c) => c.name && OPEN_PANEL_COMMANDS.includes(c.name))?.shortcut || null))
      .catch(() => setShortcut(null));
  }, []);

  const chooseLanguage = async (value: string) => {
    setUiChoice(value);
    if (value === 'auto') await browser.storage.local.remove(INTERFACE_LANGUAGE_KEY);
    else await browser.storage.local.set({ [INTERFACE_LANGUAGE_KEY]: value });
    // Every string on the page changes: start the page again in the new language.
    location.reload();
  };
  const chooseTrigger = async (value: string) => {
    setTrigger(value);
    await browser.storage.local.set({ [PALETTE_TRIGGER_KEY]: value });
  };

  return (
    <details className="settings" data-testid="settings">
      <summary>{t('settingsHeading')}</summary>
      <label className="settings__row">
        <span>{t('settingsInterfaceLanguage')}</span>
        <select data-testid="interface-language" value={uiChoice} onChange={(e) => void chooseLanguage(e.target.value)}>
          <option value="auto">{t('settingsInterfaceAuto')}</option>
          {INTERFACE_LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {t(`uiLang_${lang}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="settings__row">
        <span>{t('settingsPaletteTrigger')}</span>
        <select data-testid="palette-trigger" value={trigger} onChange={(e) => void chooseTrigger(e.target.value)}>
          {PALETTE_TRIGGER_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === PALETTE_TRIGGER_OFF ? t('settingsPaletteOff') : choice}
            </option>
          ))}
        </select>
      </label>
      <p className="settings__hint">{t('settingsPaletteHint')}</p>
      <p className="settings__hint" data-testid="open-panel-shortcut">
        {t('settingsOpenPanelShortcut', shortcut ?? t('settingsShortcutNotSet'))} {t('settingsShortcutHint')}
      </p>
      <p className="settings__hint">{t('settingsShowingIn', t(`uiLang_${interfaceLanguage()}` as MessageKey))}</p>
    </details>
  );
}
