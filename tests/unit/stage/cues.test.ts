import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../scripts-library/schemas';
import { tagConversation, type Turn } from '../../../scripts-library/stage/index';

/** Builds a chat a minute apart per turn; `[speaker, text]` pairs. */
function chat(...pairs: [Turn['speaker'], string][]): Turn[] {
  const start = Date.parse('2026-05-01T10:00:00Z');
  return pairs.map(([speaker, text], i) => ({ speaker, text, at: new Date(start + i * 60_000).toISOString() }));
}

function stages(turns: Turn[], hint?: string): Stage[] {
  return tagConversation(turns, hint).map((t) => t.stage);
}

/** One support conversation per language: hello, welcome, need, needs question, answer, fix, thanks, goodbye. */
const CONVERSATIONS: Record<string, { hint: string; turns: Turn[]; expected: Stage[] }> = {
  en: {
    hint: 'en',
    turns: chat(
      ['customer', 'hi'],
      ['agent', 'Hello, thanks for contacting Acme support, I am Ravi. How can I help you today?'],
      ['customer', 'I was charged twice for my last order'],
      ['agent', 'Could you share the order number please?'],
      ['customer', 'AC-44721'],
      ['agent', 'I have refunded the extra charge, you will see it within 5 working days.'],
      ['customer', 'thanks, that is all'],
      ['agent', 'You are welcome! Have a great day.'],
    ),
    expected: ['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing', 'closing'],
  },
  es: {
    hint: 'es',
    turns: chat(
      ['customer', 'hola'],
      ['agent', 'Hola, gracias por contactar con Acme. ¿En qué puedo ayudarle?'],
      ['customer', 'me cobraron dos veces el último pedido'],
      ['agent', '¿Me podría indicar el número de pedido?'],
      ['customer', 'AC-44721'],
      ['agent', 'He reembolsado el cobro duplicado, lo verá en 5 días hábiles.'],
      ['customer', 'muchas gracias, eso es todo'],
      ['agent', '¡De nada! Que tenga un buen día.'],
    ),
    expected: ['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing', 'closing'],
  },
  hi: {
    hint: 'hi',
    turns: chat(
      ['customer', 'नमस्ते'],
      ['agent', 'नमस्ते, संपर्क करने के लिए धन्यवाद। मैं आपकी क्या मदद कर सकता हूँ?'],
      ['customer', 'मेरे खाते से दो बार पैसे कट गए'],
      ['agent', 'कृपया अपना ऑर्डर नंबर बता दीजिए'],
      ['customer', 'AC-44721'],
      ['agent', 'मैंने अतिरिक्त राशि वापस कर दी है, 5 कार्य दिवस में मिल जाएगी।'],
      ['customer', 'धन्यवाद, बस इतना ही'],
      ['agent', 'आपका दिन शुभ हो!'],
    ),
    expected: ['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing', 'closing'],
  },
  'hi-Latn': {
    hint: 'hi',
    turns: chat(
      ['customer', 'namaste ji'],
      ['agent', 'Namaste, Acme support mein swagat hai. Main aapki kya madad kar sakta hoon?'],
      ['customer', 'mere account se do baar paise kat gaye'],
      ['agent', 'Aap order number bata sakte hain?'],
      ['customer', 'AC-44721'],
      ['agent', 'Maine extra amount refund kar diya hai, 5 working days mein mil jayega.'],
      ['customer', 'dhanyavaad, bas itna hi'],
      ['agent', 'Aapka din shubh ho, bye!'],
    ),
    expected: ['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing', 'closing'],
  },
  ta: {
    hint: 'ta',
    turns: chat(
      ['customer', 'வணக்கம்'],
      ['agent', 'வணக்கம், தொடர்பு கொண்டதற்கு நன்றி. நான் உங்களுக்கு எப்படி உதவ முடியும்?'],
      ['customer', 'என் கணக்கில் இரண்டு முறை பணம் எடுக்கப்பட்டது'],
      ['agent', 'உங்கள் ஆர்டர் எண்ணைப் பகிர முடியுமா?'],
      ['customer', 'AC-44721'],
      ['agent', 'கூடுதல் தொகையை திருப்பி அனுப்பிவிட்டேன், 5 வேலை நாட்களில் கிடைக்கும்.'],
      ['customer', 'நன்றி, அவ்வளவுதான்'],
      ['agent', 'இனிய நாள்!'],
    ),
    expected: ['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing', 'closing'],
  },
  'ta-Latn': {
    hint: 'ta',
    turns: chat(
      ['customer', 'vanakkam'],
      ['agent', 'Vanakkam, Acme support ku contact pannadhuku nandri. Naan epdi help panna mudiyum?'],
      ['customer', 'en account la rendu thadava panam cut aachu'],
      ['agent', 'Unga order number share panna mudiyuma?'],
      ['customer', 'AC-44721'],
      ['agent', 'Extra amount refund panniten, 5 working days la kedaikum.'],
      ['customer', 'romba nandri, avlo dhan'],
      ['agent', 'Nalla naal ah irukkattum, bye!'],
    ),
    expected: ['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing', 'closing'],
  },
  te: {
    hint: 'te',
    turns: chat(
      ['customer', 'నమస్కారం'],
      ['agent', 'నమస్కారం, సంప్రదించినందుకు ధన్యవాదాలు. నేను మీకు ఎలా సహాయం చేయగలను?'],
      ['customer', 'నా ఖాతా నుండి రెండుసార్లు డబ్బు కట్ అయింది'],
      ['agent', 'మీ ఆర్డర్ నంబర్ షేర్ చేయగలరా?'],
      ['customer', 'AC-44721'],
      ['agent', 'అదనపు మొత్తం రీఫండ్ చేశాను, 5 పని దినాల్లో వస్తుంది.'],
      ['customer', 'ధన్యవాదాలు, అంతే'],
      ['agent', 'శుభదినం!'],
    ),
    expected: ['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing', 'closing'],
  },
  'te-Latn': {
    hint: 'te',
    turns: chat(
      ['customer', 'namaskaram andi'],
      ['agent', 'Namaskaram, contact chesinanduku dhanyavadalu. Meeku ela help cheyagalanu?'],
      ['customer', 'naa account nundi rendu sarlu dabbulu cut ayyindi'],
      ['agent', 'Mee order number share cheyagalara?'],
      ['customer', 'AC-44721'],
      ['agent', 'Extra amount refund chesanu, 5 working days lo vastundi.'],
      ['customer', 'chala thanks andi, anthe'],
      ['agent', 'Manchi roju, bye andi!'],
    ),
    expected: ['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing', 'closing'],
  },
};

describe('turn tagger cues in every language', () => {
  for (const [lang, c] of Object.entries(CONVERSATIONS)) {
    it(`${lang}: greeting, needs, solution and closing`, () => {
      expect(stages(c.turns, c.hint)).toEqual(c.expected);
    });
    it(`${lang}: tags the conversation language`, () => {
      const tags = tagConversation(c.turns, c.hint);
      expect(tags[2]?.lang).toBe(lang);
    });
  }
});

describe('turn tagger rules', () => {
  it('a greeting with a need is discovery', () => {
    expect(stages(chat(['customer', 'Hi, my card got blocked']))).toEqual(['discovery']);
  });

  it('an angry first message is recovery, and the apology answering it too', () => {
    const turns = chat(
      ['customer', 'This is the THIRD time I am writing about my refund 😡 absolutely unacceptable'],
      ['agent', 'I am so sorry, I completely understand your frustration. That should never have happened.'],
    );
    expect(stages(turns)).toEqual(['recovery', 'recovery']);
  });

  it('thanks with a new question is discovery; thanks while trying the steps is solution', () => {
    const base: [Turn['speaker'], string][] = [
      ['customer', 'I cannot log in to the app'],
      ['agent', 'Please go to Settings and tap Reset password, then log in again.'],
    ];
    expect(stages(chat(...base, ['customer', 'thanks, trying now']))[2]).toBe('solution');
    expect(stages(chat(...base, ['customer', 'thanks! also, how do I change my email address?']))[2]).toBe('discovery');
  });

  it('small talk in the middle is rapport', () => {
    const turns = chat(
      ['customer', 'hello'],
      ['agent', 'Hi! Welcome to Acme, how can I help?'],
      ['customer', 'my parcel is late'],
      ['agent', 'Could you share the tracking number?'],
      ['customer', 'TR-88123. sorry, it is raining so hard here, I am stuck at home'],
      ['agent', 'Oh no, stay dry! How is the weather otherwise, is it the monsoon already?'],
      ['customer', 'haha yes, monsoon came early this year'],
    );
    const tags = stages(turns);
    expect(tags[5]).toBe('rapport');
    expect(tags[6]).toBe('rapport');
  });

  it('a customer returning days later about the earlier issue is follow_up', () => {
    const turns: Turn[] = [
      { speaker: 'customer', text: 'my refund has not come', at: '2026-05-01T10:00:00Z' },
      { speaker: 'agent', text: 'I have processed it, you will receive it in 5 working days.', at: '2026-05-01T10:02:00Z' },
      { speaker: 'customer', text: 'thanks, bye', at: '2026-05-01T10:03:00Z' },
      { speaker: 'customer', text: 'Hi, I wrote last week about my refund, any update?', at: '2026-05-08T09:00:00Z' },
    ];
    expect(stages(turns)[3]).toBe('follow_up');
  });

  it('an agent checking in days after the resolution is follow_up', () => {
    const turns: Turn[] = [
      { speaker: 'customer', text: 'my router keeps dropping', at: '2026-05-01T10:00:00Z' },
      { speaker: 'agent', text: 'I have reset your line, please restart the router now.', at: '2026-05-01T10:02:00Z' },
      { speaker: 'customer', text: 'works now, thanks!', at: '2026-05-01T10:10:00Z' },
      { speaker: 'agent', text: 'Hi! Just checking in: has the connection been stable since?', at: '2026-05-04T09:00:00Z' },
      { speaker: 'customer', text: 'All good, it has been fine since', at: '2026-05-04T09:30:00Z' },
    ];
    const tags = stages(turns);
    expect(tags[3]).toBe('follow_up');
    expect(tags[4]).toBe('follow_up');
  });

  it('every tag carries a confidence and the evidence behind it', () => {
    const [tag] = tagConversation(chat(['customer', 'bilkul bekaar service hai 😡']), 'hi');
    expect(tag?.stage).toBe('recovery');
    expect(tag?.confidence).toBeGreaterThan(0.5);
    expect(tag?.confidence).toBeLessThanOrEqual(1);
    expect(tag?.evidence.length).toBeGreaterThan(0);
    expect(tag?.evidence.every((e) => e.stage === 'recovery')).toBe(true);
  });
});
