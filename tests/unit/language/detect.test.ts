import { describe, expect, it } from 'vitest';
import { conversationLanguage, detectLanguage, parseLanguageHint } from '../../../scripts-library/language/detect';

describe('detectLanguage', () => {
  it.each([
    ['Hello, I have not received my order yet', 'en'],
    ['Hola, no he recibido mi pedido todavía', 'es'],
    ['mera order abhi tak nahi aaya', 'hi-Latn'],
    ['मेरा ऑर्डर अभी तक नहीं आया', 'hi'],
    ['என் ஆர்டர் இன்னும் வரவில்லை', 'ta'],
    ['enaku order innum varala, romba kastama iruku', 'ta-Latn'],
    ['నా ఆర్డర్ ఇంకా రాలేదు', 'te'],
    ['naaku order inka raaledu andi, emi cheyyali', 'te-Latn'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('reads code-mixed Hinglish as Hindi, not English', () => {
    expect(detectLanguage('login hi nahi ho raha hai, I am so frustrated').lang).toBe('hi-Latn');
  });

  it('keeps Devanagari Hindi with English words as Hindi', () => {
    expect(detectLanguage('मेरा order cancel हो गया').lang).toBe('hi');
  });

  it('is unsure about one-word turns', () => {
    expect(detectLanguage('ok').confidence).toBeLessThan(0.5);
    expect(detectLanguage('I would like to change the delivery address for my order please').confidence).toBeGreaterThan(0.6);
  });
});

describe('parseLanguageHint', () => {
  it('reads BCP-47 family and script', () => {
    expect(parseLanguageHint('hi-IN')).toEqual({ base: 'hi', latin: null });
    expect(parseLanguageHint('ta-Latn')).toEqual({ base: 'ta', latin: true });
    expect(parseLanguageHint('te_Telu_IN')).toEqual({ base: 'te', latin: false });
    expect(parseLanguageHint('es-MX')).toEqual({ base: 'es', latin: null });
    expect(parseLanguageHint('fr')).toBeNull();
  });
});

describe('conversationLanguage', () => {
  it('weighs the customer more than an agent who answers in English', () => {
    const turns = [
      { speaker: 'customer' as const, text: 'bhai mera refund abhi tak nahi aaya' },
      { speaker: 'agent' as const, text: 'Sorry about that, could you please share the order number with me?' },
      { speaker: 'customer' as const, text: 'haan 44172 hai, jaldi karo' },
    ];
    expect(conversationLanguage(turns)).toBe('hi-Latn');
  });

  it('uses the hint for the family and the text for the script', () => {
    expect(conversationLanguage([{ speaker: 'customer', text: 'ok' }], 'ta')).toBe('ta');
    expect(conversationLanguage([{ speaker: 'customer', text: 'seri, naan try panren' }], 'ta-IN')).toBe('ta-Latn');
    expect(conversationLanguage([], 'es-AR')).toBe('es');
  });
});
