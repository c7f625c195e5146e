import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/scripts-library/default-pack';
import { checkPhrasing, openFindings, type PhrasingCheckId } from '@/scripts-library/phrasing';
import type { Language, ScriptKind, Stage } from '@/scripts-library/schemas';

function check(text: string, lang: Language, stage: Stage = 'recovery', kind: ScriptKind = 'apology', channel: 'any' | 'chat' | 'email' = 'any') {
  return checkPhrasing({ text, lang, stage, kind, channel });
}
const ids = (text: string, lang: Language, stage?: Stage, kind?: ScriptKind, channel?: 'any' | 'chat' | 'email') =>
  check(text, lang, stage, kind, channel).map((f) => f.check);

describe('phrasing checks', () => {
  it('asks for the customer’s name in greetings and thanks, in every language', () => {
    const cases: Array<[Language, string]> = [
      ['en', 'Hello, welcome to Acme! How can I help today?'],
      ['hi', 'नमस्ते, आज मैं आपकी क्या मदद कर सकता हूँ?'],
      ['ta', 'வணக்கம்! இன்று உங்களுக்கு எப்படி உதவலாம்?'],
      ['te', 'నమస్కారం! ఈ రోజు మీకు ఎలా సహాయం చేయగలను?'],
    ];
    for (const [lang, text] of cases) {
      expect(ids(text, lang, 'greeting', 'greeting'), lang).toContain('name-missing');
      expect(ids(text.replace(/^(\S+)/, '$1 {{customer.firstName|}}'), lang, 'greeting', 'greeting'), lang).not.toContain('name-missing');
    }
    expect(ids('Thank you for shopping with us!', 'en', 'closing', 'gratitude')).toContain('name-missing');
    // A needs question is not personal in the same way.
    expect(ids('What can I do for you?', 'en', 'discovery', 'needs_question')).not.toContain('name-missing');
  });

  it('wants empathy and a next step with every apology (HEAL)', () => {
    const bare: Array<[Language, string]> = [
      ['en', 'We are sorry for the delay.'],
      ['hi', 'देरी के लिए हमें खेद है।'],
      ['ta', 'தாமதத்திற்கு மன்னிக்கவும்.'],
      ['te', 'ఆలస్యానికి క్షమించండి.'],
      ['es', 'Lamentamos el retraso.'],
    ];
    for (const [lang, text] of bare) {
      const found = ids(text, lang);
      expect(found, `${lang}: ${text}`).toContain('apology-without-empathy');
      expect(found, `${lang}: ${text}`).toContain('apology-without-next-step');
    }
    const healed: Array<[Language, string]> = [
      ['en', 'I understand how frustrating this wait has been, and I am sorry. I will call the courier now and update you within the hour.'],
      ['hi', 'मैं समझ सकता हूँ कि यह इंतज़ार कितना परेशान करने वाला है, इसके लिए खेद है। मैं अभी कूरियर से बात करूँगा।'],
      ['ta', 'இந்தக் காத்திருப்பு எவ்வளவு எரிச்சலாக இருக்கும் என்று புரிகிறது, மன்னிக்கவும். இப்போதே கூரியரிடம் பேசி உங்களுக்குத் தெரிவிக்கிறேன்.'],
      ['te', 'ఈ ఆలస్యం ఎంత చిరాకుగా ఉంటుందో అర్థమవుతోంది, క్షమించండి. నేను వెంటనే కొరియర్‌తో మాట్లాడి మీకు తెలియజేస్తాను.'],
      ['es', 'Entiendo lo frustrante que es esta espera y lo siento. Voy a llamar al mensajero ahora mismo.'],
    ];
    for (const [lang, text] of healed) expect(ids(text, lang), `${lang}: ${text}`).toEqual([]);
    // Asking what would make it right leads to a resolution too.
    expect(ids('I understand, and I am so sorry. What would make this right for you?', 'en')).toEqual([]);
  });

  it('does not count "I regret" or "I understand" as the promised next step in Tamil and Telugu', () => {
    expect(ids('உங்கள் சிரமம் புரிந்துகொள்கிறேன், வருந்துகிறேன்.', 'ta')).toContain('apology-without-next-step');
    expect(ids('మీ బాధ అర్థం చేసుకుంటున్నాను, చింతిస్తున్నాను.', 'te')).toContain('apology-without-next-step');
  });

  it('flags defensive and blaming phrases', () => {
    const cases: Array<[Language, string]> = [
      ['en', 'Please calm down, as I already said the refund takes a week.'],
      ['en', 'You should have read the delivery terms.'],
      ['hi', 'कृपया शांत हो जाइए, जैसा मैंने पहले कहा था रिफ़ंड में समय लगता है।'],
      ['ta', 'அமைதியாக இருங்கள், நான் ஏற்கனவே சொன்னேன்.'],
      ['te', 'దయచేసి శాంతించండి, నేను ఇప్పటికే చెప్పాను.'],
      ['es', 'Cálmese, como ya le dije el reembolso tarda una semana.'],
      ['hi-Latn', 'Please shant ho jaiye, maine pehle hi bataya tha.'],
    ];
    for (const [lang, text] of cases) {
      const defensive = check(text, lang, 'solution', 'solution').find((f) => f.check === 'defensive');
      expect(defensive, `${lang}: ${text}`).toBeDefined();
      expect(defensive!.severity).toBe('warning');
      for (const span of defensive!.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    expect(ids('You should have received a confirmation email by now.', 'en', 'solution', 'solution')).not.toContain('defensive');
    expect(ids('ऐसा नहीं होना चाहिए था।', 'hi', 'solution', 'solution')).not.toContain('defensive');
  });

  it('flags "but" right after an apology, in the same sentence only', () => {
    const cases: Array<[Language, string, string]> = [
      ['en', 'I am sorry, but the policy does not allow it.', 'but'],
      ['hi', 'माफ़ कीजिए, लेकिन यह संभव नहीं है।', 'लेकिन'],
      ['ta', 'மன்னிக்கவும், ஆனால் இது முடியாது.', 'ஆனால்'],
      ['te', 'క్షమించండి, కానీ ఇది కుదరదు.', 'కానీ'],
      ['es', 'Lo siento, pero no es posible.', 'pero'],
    ];
    for (const [lang, text, word] of cases) {
      const but = check(text, lang).find((f) => f.check === 'but-after-apology');
      expect(but?.spans.map((s) => s.text), lang).toEqual([word]);
    }
    expect(ids('I am sorry. I cannot cancel it, but I can arrange a return.', 'en')).not.toContain('but-after-apology');
  });

  it('measures chat length in characters a reader sees, and leaves email alone', () => {
    const long = 'நன்றி '.repeat(80);
    const found = check(long, 'ta', 'closing', 'closing', 'chat').find((f) => f.check === 'too-long-for-chat');
    expect(found?.detail).toBe(String([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(long)].length));
    expect(ids(long, 'ta', 'closing', 'closing', 'email')).not.toContain('too-long-for-chat');
    expect(ids('நன்றி '.repeat(20), 'ta', 'closing', 'closing', 'chat')).not.toContain('too-long-for-chat');
  });

  it('flags shouting but not acronyms', () => {
    expect(check('PLEASE DO NOT reply to this.', 'en', 'solution', 'solution').find((f) => f.check === 'all-caps')?.spans[0]?.text).toBe('PLEASE DO NOT');
    expect(ids('Share the OTP and your UPI ID, please.', 'en', 'solution', 'solution')).not.toContain('all-caps');
    expect(ids('This is URGENT for us.', 'en', 'solution', 'solution')).toContain('all-caps');
  });

  it('flags hollow filler in each language', () => {
    const cases: Array<[Language, string]> = [
      ['en', 'We apologise for any inconvenience caused.'],
      ['hi', 'असुविधा के लिए खेद है।'],
      ['ta', 'ஏற்பட்ட அசௌகரியத்திற்கு வருந்துகிறோம்.'],
      ['te', 'కలిగిన అసౌకర్యానికి చింతిస్తున్నాము.'],
      ['es', 'Lamentamos cualquier inconveniente.'],
    ];
    for (const [lang, text] of cases) expect(ids(text, lang), `${lang}: ${text}`).toContain('filler');
  });

  it('notices a script written in another language than declared', () => {
    const wrong = check('உங்கள் ஆர்டர் நாளை வந்துவிடும், கவலைப்பட வேண்டாம்.', 'hi', 'solution', 'solution').find((f) => f.check === 'wrong-language');
    expect(wrong?.detail).toBe('ta');
    expect(ids('Your order will arrive tomorrow, thank you for waiting.', 'te', 'solution', 'solution')).toContain('wrong-language');
    expect(ids('Su pedido llegará mañana, gracias por esperar con paciencia.', 'en', 'solution', 'solution')).toContain('wrong-language');
    // Order ids and brand names in Latin letters inside Tamil are normal.
    expect(ids('உங்கள் ஆர்டர் AC-52477 நாளை Acme மூலம் வந்துவிடும்.', 'ta', 'solution', 'solution')).not.toContain('wrong-language');
  });

  it('ignores the words inside template tags', () => {
    expect(ids('Hi {{customer.firstName|CALM DOWN SORRY}}, welcome!', 'en', 'greeting', 'greeting')).toEqual([]);
  });

  it('keeps silenced findings, marked with the reason', () => {
    const findings = checkPhrasing(
      { text: 'Hello, welcome!', lang: 'en', stage: 'greeting', kind: 'greeting', channel: 'any' },
      { silenced: { 'name-missing': 'Used on the phone before we know the name' } },
    );
    expect(findings).toEqual([expect.objectContaining({ check: 'name-missing', silenced: 'Used on the phone before we know the name' })]);
    expect(openFindings(findings)).toEqual([]);
  });

  it('never warns on the default pack, which follows the method', () => {
    const warnings: string[] = [];
    const advice: Partial<Record<PhrasingCheckId, number>> = {};
    for (const script of defaultPack.scripts) {
      for (const f of checkPhrasing(script)) {
        if (f.severity === 'warning') warnings.push(`${script.id}: ${f.check} ${f.spans.map((s) => s.text).join(', ')}`);
        else advice[f.check] = (advice[f.check] ?? 0) + 1;
      }
    }
    expect(warnings).toEqual([]);
    // Advice is allowed but rare: a check that fires on most good scripts teaches nothing.
    for (const [id, n] of Object.entries(advice)) expect(n, id).toBeLessThan(defaultPack.scripts.length / 10);
  });

  it('stays fast on a 20,000-character script and never throws on hostile text', () => {
    const started = performance.now();
    check('sorry but '.repeat(2000), 'en');
    check('<img src=x onerror=alert(1)> {{constructor}} __proto__ '.repeat(300), 'ta');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
