import type { Language } from '../schemas';

/**
 * How each HEAL step sounds when an agent writes it (seeds/README.md: Hear, Empathise and apologise, Lead to
 * resolution, Provide responsible action), in every language the scripts exist in. Latin-script cues match at the
 * start of a word; native-script cues match anywhere, because Hindi, Tamil and
 * Telugu fuse endings onto words. A Latin cue ending in `*` may end inside a word ("apologi*" → apologise,
 * apologies); other Latin cues are whole words. Cues are folded like search text (see `foldText`), so spelling with or without a
 * nukta or a zero-width joiner does not matter.
 */
export const HEAL_STEPS = ['hear', 'empathise', 'lead', 'provide'] as const;
export type HealStep = (typeof HEAL_STEPS)[number];

type CueFamily = 'en' | 'es' | 'hi' | 'hi-Latn' | 'ta' | 'ta-Latn' | 'te' | 'te-Latn';

export const HEAL_CUES: Record<HealStep, Record<CueFamily, readonly string[]>> = {
  hear: {
    en: ['i hear you', "i'm listening", 'i am listening', 'tell me everything', 'take your time', 'let me make sure i',
      'make sure i understand', "make sure i've understood", 'if i understand correctly', "if i've understood",
      "so what you're saying", "i've read your message", 'i have read your message', 'thank you for telling',
      'thanks for telling', 'thank you for letting me know', 'thanks for letting me know', 'thank you for letting us know',
      'thank you for taking the time to tell', 'thank you for bringing this', 'thanks for flagging', 'i can see that you',
      "you've been waiting", 'you have been waiting', 'i understand that you', 'walk me through'],
    es: ['le escucho', 'te escucho', 'para escucharle', 'para escucharte', 'cuenteme', 'cuentame', 'asegurarme de haberle entendido',
      'asegurarme de haberte entendido', 'si le entiendo bien', 'si te entiendo bien', 'gracias por contarnos', 'gracias por contarme',
      'gracias por avisarnos', 'gracias por informarnos', 'he leido su mensaje', 'he leido tu mensaje', 'lleva mas de'],
    hi: ['सुन रहा', 'सुन रही', 'पूरी बात बताइए', 'आराम से बताइए', 'आराम से पूरी बात', 'सही समझा', 'पक्का कर लूं', 'बताने के लिए धन्यवाद',
      'बताने के लिए शुक्रिया', 'ध्यान से पढ़ा', 'ध्यान से पढ', 'आपकी पूरी बात समझ', 'इंतजार कर रहे हैं'],
    'hi-Latn': ['sun raha', 'sun rahi', 'poori baat', 'puri baat', 'aaram se bataiye', 'sahi samjha', 'batane ke liye shukriya',
      'batane ke liye dhanyavaad', 'batane ke liye dhanyawad', 'dhyan se padha', 'aapki baat samajh', 'intezaar kar rahe'],
    ta: ['கவனமாகக் கேட்கிறேன்', 'கேட்டுக்கொண்டிருக்கிறேன்', 'நிதானமாகச் சொல்லுங்கள்', 'சரியாகப் புரிந்துகொண்டேனா', 'சொன்னதற்கு நன்றி', 'தெரிவித்ததற்கு நன்றி',
      'கவனமாகப் படித்தேன்', 'காத்திருக்கிறீர்கள்'],
    'ta-Latn': ['kekkuren', 'kekkiren', 'kekuren', 'nidhanama sollunga', 'sariya purinjukitten', 'sonnadhukku nandri',
      'sonnathukku nandri', 'kavanama padichen', 'kaathirukeenga', 'kathirukeenga'],
    te: ['వింటున్నాను', 'నిదానంగా చెప్పండి', 'సరిగ్గా అర్థం చేసుకున్నానో', 'చెప్పినందుకు ధన్యవాదాలు', 'తెలియజేసినందుకు ధన్యవాదాలు',
      'జాగ్రత్తగా చదివాను', 'ఎదురుచూస్తున్నారు'],
    'te-Latn': ['vintunnanu', 'nidhanamga cheppandi', 'nidanamga cheppandi', 'sariga ardham chesukunnano', 'cheppinanduku dhanyavaadalu',
      'cheppinanduku thanks', 'jagrattaga chadivanu', 'eduru chustunnaru'],
  },
  empathise: {
    en: ['sorry', 'apologi*', 'my apologies', 'i understand how', 'i understand why', 'i completely understand', 'i can imagine',
      'i can only imagine', 'frustrating', 'frustration', 'disappointing', 'disappointed', 'upsetting', "that's not the experience",
      'that is not the experience', "you're right to expect", 'you are right to expect', 'you have every right', 'regret'],
    es: ['lo siento', 'siento que', 'siento mucho', 'disculp*', 'perdon', 'lamento', 'lamentamos', 'entiendo lo', 'entiendo su',
      'entiendo tu', 'entiendo perfectamente', 'frustrante', 'decepcion', 'molestias', 'tiene todo el derecho', 'tienes todo el derecho'],
    hi: ['माफ', 'क्षमा', 'खेद', 'दुख है', 'दुःख है', 'अफसोस', 'परेशान करने वाली', 'परेशानी हुई', 'निराशा', 'निराश करने',
      'समझ सकता हूं', 'समझ सकती हूं', 'समझ में आती है', 'नाराजगी बिल्कुल', 'उम्मीद बिल्कुल सही'],
    'hi-Latn': ['sorry', 'maafi', 'maaf', 'maf kijiye', 'kshama', 'afsos', 'dukh hai', 'frustrating', 'pareshani hui',
      'pareshan karne', 'samajh sakta', 'samajh sakti', 'bura laga', 'naraazgi', 'narazgi'],
    ta: ['மன்னிக்கவும்', 'மன்னிப்பு', 'வருந்துகிறேன்', 'வருந்துகிறோம்', 'வருத்தம்', 'வருத்தப்படுவது', 'எரிச்சல்', 'ஏமாற்றம்',
      'புரிகிறது', 'சிரமத்துக்கு', 'சிரமத்திற்கு'],
    'ta-Latn': ['sorry', 'mannikkavum', 'mannichidunga', 'mannippu', 'varundhuren', 'varunthuren', 'varundhugiren', 'varutham',
      'frustrating', 'kashtama', 'puriyudhu', 'puriyuthu', 'sirammathukku'],
    te: ['క్షమించండి', 'క్షమాపణ', 'చింతిస్తున్నాను', 'చింతిస్తున్నాము', 'బాధపడటం', 'బాధగా', 'చిరాకు', 'నిరాశ', 'అర్థమవుతోంది',
      'ఇబ్బందికి', 'అర్థం చేసుకోగలను'],
    'te-Latn': ['sorry', 'kshaminchandi', 'kshamapana', 'chintistunnanu', 'badhaga', 'chiraaku', 'chiraku', 'ardham avutondi',
      'ibbandiki', 'nirasha'],
  },
  lead: {
    en: ["here's what i", 'here is what i', "what i've done", 'what i have done', 'what i can do', 'to put this right',
      'to make this right', 'to make it right', 'to fix this', 'i can offer', "i'd like to offer", 'i would like to offer',
      "i've refunded", 'i have refunded', "i'll refund", 'i will refund', 'process your refund', "i've arranged",
      'i have arranged', 'arrange a', "i'll send", 'i will send', "i've sent", 'let me fix', 'let me sort', 'the quickest way',
      'a replacement', 'free return', "i've issued", 'i have issued', 'what would make this right', 'what would help'],
    es: ['lo que ya he hecho', 'lo que si puedo hacer', 'lo que puedo hacer', 'para compensarlo', 'para arreglarlo',
      'para solucionarlo', 'le he devuelto', 'te he devuelto', 'tramitar su reembolso', 'organizar una', 'le ofrezco',
      'te ofrezco', 'le envio', 'te envio', 'que podriamos hacer'],
    hi: ['ठीक करने के लिए', 'सही करने के लिए', 'ठीक किया जा सके', 'हम यह जरूर कर सकते', 'रिफंड प्रोसेस', 'वापस कर दिया',
      'भेज दिया है', 'भेज देंगे', 'मैंने आपका केस', 'हम क्या करें'],
    'hi-Latn': ['theek karne ke liye', 'sahi karne ke liye', 'hum kya karein', 'refund process', 'bhej diya hai', 'bhej denge',
      'wapas kar diya', 'maine aapka case'],
    ta: ['சரிசெய்ய', 'தீர்ப்பது', 'ஏற்பாடு செய்து', 'ரீஃபண்ட் வழங்க', 'திருப்பித் தந்துவிட்டேன்', 'அனுப்பியிருக்கிறேன்',
      'என்ன செய்தால்'],
    'ta-Latn': ['sari panna', 'sari seiya', 'refund tharen', 'anuppitten', 'enna senja', 'erpadu panren'],
    te: ['సరిచేయడానికి', 'పరిష్కరించడమే', 'ఏర్పాటు చేసి', 'రీఫండ్ ప్రాసెస్', 'తిరిగి ఇచ్చేశాను', 'పంపాను', 'ఏం చేస్తే'],
    'te-Latn': ['sari cheyyadaniki', 'parishkaristanu', 'pampanu', 'em chesthe', 'refund process', 'erpatu chestanu'],
  },
  provide: {
    en: ["i'll personally", 'i will personally', 'taking ownership', 'take ownership', "i'll check in", 'i will check in',
      "i'll follow up", 'i will follow up', "i'll keep you updated", 'i will keep you updated', "i'll update you",
      'i will update you', "i'll make sure", 'i will make sure', "won't happen again", 'will not happen again',
      "doesn't happen again", 'does not happen again', 'escalated', "i've added a note", 'i have added a note',
      "you'll hear back from me", 'you will hear back from me', "i'll get back to you", 'i will get back to you',
      "i'll call you", 'i will call you', "i've flagged", 'i have flagged', 'by tomorrow', 'by friday', 'within 24 hours'],
    es: ['me encargo personalmente', 'personalmente', 'me pondre en contacto', 'le escribo', 'te escribo', 'le mantendre informad*',
      'te mantendre informad*', 'no vuelva a pasar', 'no vuelva a ocurrir', 'he escalado', 'tendra noticias mias',
      'he anadido una nota', 'manana como muy tarde', 'manana antes de'],
    hi: ['जिम्मेदारी मेरी', 'मेरी तरफ से अपडेट', 'मेरी तरफ से जवाब', 'मेरी तरफ से आपको', 'अर्जेंट बताकर', 'दोबारा नहीं होगा',
      'फिर नहीं होगा', 'नोट जोड़ दिया', 'नोट जोड दिया', 'कल तक', 'कल शाम तक', 'पक्का करने के लिए कि सब ठीक'],
    'hi-Latn': ['zimmedari meri', 'jimmedari meri', 'meri taraf se update', 'urgent mark', 'dobara nahi hoga', 'phir nahi hoga',
      'kal tak', 'kal shaam tak', 'main khud dekh', 'personally'],
    ta: ['பொறுப்பேற்று', 'நானே பார்த்துக்', 'நானே கவனித்து', 'அவசரம் என்று குறித்து', 'நாளைக்குள்', 'நாளை மாலைக்குள்', 'தெரிவிக்கிறேன்',
      'தொடர்பு கொள்கிறேன்', 'மீண்டும் நடக்காது', 'குறிப்பும் சேர்த்துவிட்டேன்'],
    'ta-Latn': ['naane paathukaren', 'naane pathukiren', 'poruppu', 'urgent ah', 'naalaikulla', 'naalai saayangalathukkulla',
      'update varum', 'thirumba nadakkadhu', 'personally'],
    te: ['బాధ్యత నాదే', 'అత్యవసరంగా', 'రేపటిలోగా', 'రేపు సాయంత్రంలోగా', 'తెలియజేస్తాను', 'మళ్లీ సంప్రదిస్తాను',
      'మళ్ళీ సంప్రదిస్తాను', 'మళ్లీ జరగదు', 'నోట్ కూడా పెట్టాను'],
    'te-Latn': ['badhyata naade', 'bādhyata nādē', 'nene swayanga', 'urgent ga', 'repu lopu', 'repu saayantram lopu',
      'update vastundi', 'malli jaragadu', 'personally'],
  },
};

/** Which cue families can appear in text of a given language: English is mixed into all of them. */
export function cueFamiliesFor(lang: Language | null): readonly CueFamily[] {
  switch (lang) {
    case null:
      return ['en', 'es', 'hi', 'hi-Latn', 'ta', 'ta-Latn', 'te', 'te-Latn'];
    case 'en':
      return ['en'];
    case 'es':
      return ['es', 'en'];
    case 'hi':
    case 'hi-Latn':
      return ['hi', 'hi-Latn', 'en'];
    case 'ta':
    case 'ta-Latn':
      return ['ta', 'ta-Latn', 'en'];
    case 'te':
    case 'te-Latn':
      return ['te', 'te-Latn', 'en'];
  }
}
