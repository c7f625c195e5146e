import { foldText } from '../search/tokens';

/**
 * What a support conversation is about, in words that differ by language but mean the same thing: a Hinglish
 * customer's "order" and a Devanagari script's "ऑर्डर" share the topic `order`. Topics are how the ranker tells that a
 * script and a conversation talk about the same thing across the languages we serve.
 *
 * `stems` match the start of a word (refund → refunds, refunded; Tamil ஆர்டர் → ஆர்டரை with its case ending);
 * `words` match whole words or two-word phrases. Everything is compared after `foldText`, like search.
 */
export const TOPICS = {
  order: {
    stems: ['order', 'pedido', 'ऑर्डर', 'आर्डर', 'ஆர்டர்', 'ఆర్డర్'],
    words: [],
  },
  refund: {
    stems: ['refund', 'reembols', 'रिफंड', 'धनवापसी', 'ரீஃபண்ட்', 'ரீபண்ட்', 'రీఫండ్'],
    words: ['money back', 'paise wapas', 'paisa wapas', 'paise vapas', 'पैसे वापस', 'panam thirumba', 'dabbu tirigi', 'డబ్బు తిరిగి'],
  },
  delivery: {
    stems: ['deliver', 'shipping', 'shipment', 'courier', 'parcel', 'package', 'tracking', 'entrega', 'paquete', 'mensajer',
      'seguimiento', 'डिलीवरी', 'डिलिवरी', 'पार्सल', 'कूरियर', 'ट्रैकिंग', 'டெலிவரி', 'பார்சல்', 'கூரியர்', 'டிராக்கிங்',
      'డెలివరీ', 'పార్సెల్', 'పార్సిల్', 'కొరియర్', 'ట్రాకింగ్'],
    words: ['arrive', 'arrived', 'shipped', 'envio', 'llegado', 'llego', 'pahuncha', 'pahunchi'],
  },
  password: {
    stems: ['password', 'passcode', 'contrasena', 'पासवर्ड', 'பாஸ்வேர்ட்', 'கடவுச்சொல்', 'పాస్వర్డ్', 'పాస్‌వర్డ్'],
    words: [],
  },
  login: {
    stems: ['login', 'signin', 'लॉगिन', 'லாகின்', 'లాగిన్'],
    words: ['log in', 'sign in', 'locked out', 'iniciar sesion', 'acceder', 'लॉग इन'],
  },
  account: {
    stems: ['account', 'cuenta', 'अकाउंट', 'अकाउन्ट', 'अक्काउंट', 'அக்கவுண்ட்', 'கணக்கு', 'అకౌంట్', 'ఖాతా'],
    words: ['खाता', 'खाते', 'khata'],
  },
  payment: {
    stems: ['payment', 'billing', 'invoice', 'charged', 'debited', 'deducted', 'factura', 'cobro', 'cobrad', 'पेमेंट',
      'भुगतान', 'பேமெண்ட்', 'கட்டணம்', 'పేమెంట్', 'చెల్లింపు', 'ఛార్జ్'],
    words: ['paid', 'pay', 'charge', 'bill', 'pago', 'बिल', 'चार्ज', 'paise kat', 'paisa kat', 'kat gaye', 'पैसे कट'],
  },
  cancel: {
    stems: ['cancel', 'कैंसल', 'कैंसिल', 'रद्द', 'கேன்சல்', 'ரத்து', 'క్యాన్సిల్', 'రద్దు'],
    words: [],
  },
  replacement: {
    stems: ['replace', 'exchange', 'damaged', 'defective', 'reemplaz', 'devoluci', 'devolver', 'danad', 'रिप्लेसमेंट',
      'रिटर्न', 'ரிட்டர்ன்', 'மாற்றி', 'சேதம', 'రిటర్న్', 'రీప్లేస్', 'పాడై'],
    words: ['return', 'returned', 'broken', 'wrong item', 'cambio', 'roto', 'टूटा', 'खराब', 'kharab', 'replacement'],
  },
} as const satisfies Record<string, { stems: readonly string[]; words: readonly string[] }>;

export type Topic = keyof typeof TOPICS;
export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

const VIRAMA_END = /[\u094d\u0bcd\u0c4d]$/;

/** Prefix stems by first character, folded; a trailing virama is dropped so Tamil and Telugu case endings still match. */
const STEMS = new Map<string, Array<{ stem: string; topic: Topic }>>();
const WORDS = new Map<string, Topic>();
/** First words of two-word phrases: only these need a look at the next word. */
const PHRASE_STARTS = new Set<string>();
for (const topic of TOPIC_NAMES) {
  for (const raw of TOPICS[topic].stems) {
    const stem = foldText(raw).replace(VIRAMA_END, '');
    const first = stem.charAt(0);
    const bucket = STEMS.get(first) ?? [];
    bucket.push({ stem, topic });
    STEMS.set(first, bucket);
  }
  for (const word of TOPICS[topic].words) {
    const folded = foldText(word);
    WORDS.set(folded, topic);
    if (folded.includes(' ')) PHRASE_STARTS.add(folded.slice(0, folded.indexOf(' ')));
  }
}

const tokenTopicCache = new Map<string, Topic | null>();
const DIGITS = /^[0-9]+$/;

/** The topic one folded word belongs to, if any (remembered: a library repeats its words many times). */
export function topicOfWord(word: string): Topic | null {
  if (DIGITS.test(word)) return null;
  const known = tokenTopicCache.get(word);
  if (known !== undefined) return known;
  let found: Topic | null = WORDS.get(word) ?? null;
  if (!found) {
    for (const { stem, topic } of STEMS.get(word.charAt(0)) ?? []) {
      if (word.startsWith(stem)) {
        found = topic;
        break;
      }
    }
  }
  if (tokenTopicCache.size > 50_000) tokenTopicCache.clear();
  tokenTopicCache.set(word, found);
  return found;
}

/** Topics in a list of folded words, including two-word phrases ("money back", "paise wapas"). */
export function topicsOfWords(words: readonly string[]): Set<Topic> {
  const found = new Set<Topic>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const single = topicOfWord(word);
    if (single) found.add(single);
    const next = words[i + 1];
    if (next !== undefined && PHRASE_STARTS.has(word)) {
      const pair = WORDS.get(`${word} ${next}`);
      if (pair) found.add(pair);
    }
  }
  return found;
}
