import { afterEach, describe, expect, it } from 'vitest';
import { applyInterfaceLanguage, formatNumber, interfaceLanguage, interfaceLocale, t } from '@/components/i18n';
import { PALETTE_TRIGGER_CHOICES, PALETTE_TRIGGER_OFF, chordOf } from '@/entrypoints/content/palette/trigger';
import ta from '@/public/_locales/ta/messages.json';
import hi from '@/public/_locales/hi/messages.json';

const press = (code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) =>
  chordOf({ code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('palette trigger', () => {
  it('writes a key press the way the choices are written, by physical key', () => {
    expect(press('Space', { ctrlKey: true, shiftKey: true })).toBe('Ctrl+Shift+Space');
    expect(press('KeyK', { ctrlKey: true, shiftKey: true })).toBe('Ctrl+Shift+K');
    expect(press('KeyJ', { altKey: true })).toBe('Alt+J');
    // Every offered chord can be pressed; none is a bare key (Zendesk's `/`), and `off` matches nothing.
    for (const choice of PALETTE_TRIGGER_CHOICES.filter((c) => c !== PALETTE_TRIGGER_OFF)) expect(choice).toMatch(/^(Ctrl|Alt)\+/);
    expect(press('Slash')).toBe('Slash');
    expect(PALETTE_TRIGGER_CHOICES.map(String)).not.toContain(press('Slash'));
  });
});

describe('interface language chosen in settings', () => {
  afterEach(() => applyInterfaceLanguage(null));

  it('speaks the chosen language, with its number and date formats, and goes back to the browser’s', async () => {
    expect(interfaceLanguage()).toBe('en');
    await applyInterfaceLanguage('ta');
    expect(interfaceLanguage()).toBe('ta');
    expect(t('healHeading')).toBe(ta.healHeading.message);
    expect(t('healCount', ['2', '4'])).toBe(ta.healCount.message.replace('$1', '2').replace('$2', '4'));
    expect(interfaceLocale()).toBe('ta-IN');
    await applyInterfaceLanguage('hi');
    expect(t('timelineHeading')).toBe(hi.timelineHeading.message);
    // Indian grouping of large numbers in Hindi, Tamil and Telugu.
    expect(formatNumber(1234567)).toBe('12,34,567');
    await applyInterfaceLanguage(null);
    expect(t('timelineHeading')).toBe('Conversation so far');
    expect(formatNumber(1234567)).toBe('1,234,567');
  });
});
