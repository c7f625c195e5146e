import type { Language } from '../schemas';

/**
 * Words and phrases the phrasing checks and the conversation review look for, per script language. Written for
 * agents' replies (not customers' messages, which the stage detector reads with its own cues).
 *
 * Phrase syntax: words separated by spaces match consecutive words; `word*` matches a word starting with `word`,
 * `*word` a word ending with it (Tamil, Telugu and Hindi put tense and person at the end of the verb). Latin letters
 * match with or without accents and in any case; Devanagari matches with or without nukta, and anusvara and
 * chandrabindu stand for each other, because typed Hindi mixes them.
 */
export const PHRASE_KINDS = [
  'apology',
  'empathy',
  'next_step',
  'defensive',
  'contrast',
  'filler',
  'greeting',
  'thanks',
  'needs_question',
  /** Wordings that look defensive but are not ("you should have received an email"): masked before that search. */
  'not_defensive',
] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];

export type Lexicon = Record<PhraseKind, readonly string[]>;

const en: Lexicon = {
  apology: ['sorry', 'apologise', 'apologize', 'apologies', 'my apologies', 'i regret', 'we regret', 'forgive'],
  empathy: [
    'i understand', 'i completely understand', 'i can understand', 'i can imagine', 'i can only imagine', 'i hear you',
    'frustrating', 'frustrated', 'disappointing', 'disappointed', 'upsetting', 'must have been', 'must be',
    "you're right", 'you are right', 'caused you', "you've had to", 'you have had to', 'you were hoping',
    'not the experience', 'that sounds', 'annoying', 'stressful', 'worrying', 'in your place', 'in your shoes',
    'i know how', 'of course you', 'understandably', 'no wonder',
  ],
  next_step: [
    "i'll", 'i will', "we'll", 'we will', 'let me', "i've", 'i have', "i'm going to", 'i am going to', "i'm taking",
    'what i can do', 'what can i do', 'what would make', "you'll", 'you will', 'right away', 'straight away',
    'by tomorrow', 'by today', 'today', 'within', 'next step', 'next steps', 'here is what', "here's what",
    'i am arranging', "i'm arranging", 'i have arranged', 'i have escalated', 'i am escalating',
  ],
  defensive: [
    'calm down', 'as i already said', 'as i said', 'as i already mentioned', 'as i mentioned', 'as previously mentioned',
    'as already explained', 'like i said', 'like i told you', 'as i told you', 'you should have', 'you should’ve',
    "you should've", 'you need to understand', 'you must understand', "it's not our fault", 'it is not our fault',
    'not our fault', 'not my fault', "that's our policy", 'that is our policy', 'there is nothing i can do',
    "there's nothing i can do", 'nothing i can do', 'you must have', 'obviously', 'as stated', "you didn't read",
    'you did not read', 'per my last',
  ],
  not_defensive: [
    'you should have received', 'you should have got', 'you should have gotten', 'you should have a', 'you should have an',
    'you should have it', 'you should have the', "you should've received", 'you should’ve received',
  ],
  contrast: ['but', 'however', 'although', 'though', 'yet'],
  filler: [
    'any inconvenience', 'inconvenience caused', 'the inconvenience caused', 'we value your business',
    'your call is important', 'valued customer', 'do the needful', 'we regret the inconvenience', 'please be informed',
    'please be advised', 'at the earliest', 'as per policy', 'as per our policy', 'we strive to', 'dear customer',
    'dear valued',
  ],
  greeting: ['hi', 'hello', 'hey', 'good morning', 'good afternoon', 'good evening', 'welcome', 'thanks for contacting', 'thank you for contacting', 'thanks for reaching out', 'thank you for reaching out', 'dear'],
  thanks: ['thank you', 'thanks', 'thank', 'grateful', 'appreciate', 'appreciated'],
  needs_question: [
    'how can i help', 'how may i help', 'what can i do for you', 'how can i assist', 'what brings you', 'what is the reason',
    "what's the reason", 'could you tell me', 'can you tell me', 'could you share', 'can you share', 'which order',
    'what happened', 'order number', 'more details', 'tell me more', 'could you describe', 'when did',
  ],
};

const es: Lexicon = {
  apology: ['lo siento', 'siento', 'lamento', 'lamentamos', 'disculpe', 'disculpa', 'disculpas', 'perdon', 'perdone', 'sentimos'],
  empathy: [
    'entiendo', 'comprendo', 'me imagino', 'imagino', 'frustrante', 'molesto', 'decepcion', 'malestar', 'tiene razon',
    'tiene todo el derecho', 'le ha causado', 'ha tenido que', 'haya tenido que', 'no es la experiencia', 'que esperaba', 'en su lugar',
  ],
  next_step: [
    'voy a', 'vamos a', 'me encargo', 'me pondre', 'le escribo', 'le aviso', 'le confirmo', 'he escalado', 'he hecho',
    'ya he', 'hoy mismo', 'ahora mismo', 'en cuanto', 'puedo hacer', 'podriamos hacer', 'podemos hacer',
    'tendra noticias', 'recibira', 'manana', 'antes de', '*ré',
  ],
  defensive: [
    'calmese', 'tranquilicese', 'como ya le dije', 'como ya dije', 'como le dije', 'como ya le mencione',
    'como le mencione', 'como ya le explique', 'usted deberia haber', 'deberia haberlo', 'deberia haber leido',
    'deberia haber revisado', 'usted debio', 'debio haberlo', 'tendria que haberlo', 'no es nuestra culpa',
    'no es mi culpa', 'es nuestra politica', 'no puedo hacer nada', 'no hay nada que pueda hacer', 'obviamente',
    'mantenga la calma',
  ],
  not_defensive: ['deberia haberlo recibido', 'deberia haberle llegado'],
  contrast: ['pero', 'sin embargo', 'aunque', 'no obstante'],
  filler: [
    'cualquier inconveniente', 'los inconvenientes ocasionados', 'las molestias ocasionadas', 'su llamada es importante',
    'valioso cliente', 'estimado cliente', 'a la mayor brevedad', 'le informamos que',
  ],
  greeting: ['hola', 'buenos dias', 'buenas tardes', 'buenas noches', 'bienvenido', 'bienvenida', 'gracias por contactar', 'gracias por escribir', 'estimado', 'estimada'],
  thanks: ['gracias', 'muchas gracias', 'agradezco', 'agradecemos', 'le agradezco'],
  needs_question: [
    'en que puedo ayudar', 'como puedo ayudar', 'en que le puedo ayudar', 'podria decirme', 'puede decirme', 'podria indicarme',
    'numero de pedido', 'que ocurrio', 'que paso', 'cuenteme', 'mas detalles',
  ],
};

const hi: Lexicon = {
  apology: ['माफ़ी', 'माफ़ कीजिए', 'माफ़ करें', 'माफ़ करना', 'क्षमा', 'क्षमाप्रार्थी', 'खेद', 'सॉरी', 'दुख है', 'अफ़सोस'],
  empathy: [
    'समझ सकता', 'समझ सकती', 'समझ सकते', 'समझता हूँ', 'समझती हूँ', 'समझ में आती', 'समझ में आता', 'परेशानी हुई',
    'परेशान करने', 'जो परेशानी', 'निराश*', 'मुझे पता है', 'सुनना चाहते', 'नाराज़गी', 'जायज़', 'सही कह रहे', 'आपकी जगह', 'बुरा लगा', 'तकलीफ़',
    'झुंझलाहट', 'करना पड़ा', 'आप सही', 'उम्मीद बिल्कुल',
  ],
  next_step: [
    '*ूँगा', '*ूँगी', '*ेंगे', '*एंगे', '*लूँ', '*रूँ', 'कर रहा हूँ', 'कर रही हूँ', 'कर रहे हैं', 'अभी', 'तुरंत', 'आज ही', 'कल तक',
    'घंटे', 'दिनों में', 'भेज दिया', 'कर दिया', 'मिल जाएगा', 'मिल जाएगी', 'हम क्या करें', 'क्या कर सकत*', 'ज़िम्मेदारी मेरी',
    'कर सकते हैं',
  ],
  defensive: [
    'शांत हो जाइए', 'शांत हो जाएं', 'शांत रहिए', 'शांत रहें', 'जैसा मैंने कहा', 'जैसा मैंने पहले', 'मैंने पहले ही',
    'जैसा कि बताया', 'आपको पहले ही', 'आपको देखना चाहिए था', 'आपको पढ़ना चाहिए था', 'आपको करना चाहिए था',
    'आपको बताना चाहिए था', 'आपको ध्यान देना चाहिए था', 'हमारी गलती नहीं', 'मेरी गलती नहीं', 'कुछ नहीं कर सकते', 'कुछ नहीं कर सकता',
    'नियम यही है', 'आपको समझना चाहिए',
  ],
  not_defensive: [],
  contrast: ['लेकिन', 'मगर', 'किंतु', 'परंतु', 'फिर भी'],
  filler: [
    'असुविधा के लिए खेद', 'किसी भी असुविधा', 'हुई असुविधा', 'आपकी कॉल हमारे लिए महत्वपूर्ण', 'मूल्यवान ग्राहक',
    'सम्मानित ग्राहक', 'प्रिय ग्राहक', 'कृपया सूचित', 'यथाशीघ्र',
  ],
  greeting: ['नमस्ते', 'नमस्कार', 'प्रणाम', 'सुप्रभात', 'स्वागत', 'संपर्क करने के लिए धन्यवाद', 'हेलो'],
  thanks: ['धन्यवाद', 'शुक्रिया', 'आभार', 'आभारी'],
  needs_question: ['कैसे मदद', 'क्या मदद', 'क्या सेवा', 'बताइए', 'बताएँ', 'बता सकते', 'ऑर्डर नंबर', 'क्या हुआ', 'विस्तार से', 'पूरी बात'],
};

const hiLatn: Lexicon = {
  apology: ['sorry', 'maafi', 'maaf', 'maf', 'kshama', 'khed', 'afsos'],
  empathy: [
    'samajh sakta', 'samajh sakti', 'samajh sakte', 'samajhta hoon', 'samajhti hoon', 'samajh mein aata', 'pareshani hui',
    'jo pareshani', 'frustrating', 'naraazgi', 'narazgi', 'nirasha', 'jaayaz', 'jayaz', 'sahi keh rahe', 'bura laga',
    'takleef',
  ],
  next_step: [
    '*unga', '*ungi', '*enge', 'kar raha hoon', 'kar rahi hoon', 'abhi', 'turant', 'aaj hi', 'kal tak', 'bhej diya',
    'kar diya', 'mil jayega', 'mil jaayega', 'hum kya karein', 'kya kar sakte', 'kar sakte hain',
  ],
  defensive: [
    'shant ho jaiye', 'shaant ho jaiye', 'calm down', 'jaisa maine kaha', 'maine pehle hi', 'aapko dekhna chahiye tha',
    'aapko padhna chahiye tha', 'aapko karna chahiye tha', 'aapko batana chahiye tha', 'hamari galti nahi',
    'meri galti nahi', 'kuch nahi kar sakte', 'as i said',
  ],
  not_defensive: [],
  contrast: ['lekin', 'magar', 'but', 'phir bhi'],
  filler: ['asuvidha ke liye khed', 'kisi bhi asuvidha', 'any inconvenience', 'valued customer', 'do the needful'],
  greeting: ['namaste', 'namaskar', 'hello', 'hi', 'swagat', 'welcome'],
  thanks: ['dhanyavad', 'dhanyawad', 'shukriya', 'thank you', 'thanks'],
  needs_question: ['kaise madad', 'kya madad', 'bataiye', 'batayein', 'order number', 'kya hua'],
};

const ta: Lexicon = {
  apology: ['மன்னிக்கவும்', 'மன்னிக்க*', 'மன்னிப்பு*', 'வருந்துகிறேன்', 'வருந்துகிறோம்', 'வருத்தம்', 'சாரி'],
  empathy: [
    'புரிகிறது', 'புரிந்துகொள்கிறேன்', 'புரிந்து கொள்கிறேன்', 'புரியுது', 'எரிச்சலாக', 'கஷ்டமாக', 'ஏமாற்றம்',
    'உங்கள் நிலை', 'உங்கள் வருத்தம்', 'உங்கள் சிரமம்', 'ஏற்பட்ட சிரமத்*', 'நியாயமானது', 'நியாயம்', 'உங்கள் உரிமை',
    'நீங்கள் சொல்வது சரி', 'வேண்டியிருந்த*', 'எதிர்பார்த்த',
  ],
  next_step: [
    '*கிறேன்', '*கின்றேன்', '*வேன்', '*பேன்', '*கிறோம்', '*வோம்', '*போம்', '*றேன்', 'இன்றே', 'உடனே', 'உடனடியாக',
    'இப்போதே', 'மணி நேரத்தில்', 'நாட்களில்', '*க்குள்', 'என்ன செய்தால்', 'என்ன செய்ய', 'என்னால் முடியும்', 'வரும்',
  ],
  defensive: [
    'அமைதியாக இருங்கள்', 'அமைதியா இருங்க', 'பொறுமையாக இருங்கள்', 'ஏற்கனவே சொன்னேன்', 'ஏற்கனவே சொன்னது போல',
    'நான் சொன்னது போல', 'முன்பே சொன்னேன்', 'செய்திருக்க வேண்டும்', 'பார்த்திருக்க வேண்டும்', 'படித்திருக்க வேண்டும்',
    'எங்கள் தவறு இல்லை', 'என் தவறு இல்லை', 'ஒன்றும் செய்ய முடியாது', 'எதுவும் செய்ய முடியாது',
  ],
  not_defensive: [],
  contrast: ['ஆனால்', 'ஆனா', 'இருந்தாலும்', 'இருப்பினும்'],
  filler: [
    'ஏற்பட்ட அசௌகரியத்*', 'ஏதேனும் அசௌகரியத்*', 'அசௌகரியத்திற்கு வருந்துகிறோம்', 'உங்கள் அழைப்பு எங்களுக்கு முக்கியம்',
    'மதிப்புமிக்க வாடிக்கையாளர்', 'அன்புள்ள வாடிக்கையாளர்', 'விரைவில் தொடர்பு கொள்வோம்',
  ],
  greeting: ['வணக்கம்', 'வரவேற்கிறோம்', 'வரவேற்கிறேன்', 'வருக', 'காலை வணக்கம்', 'மாலை வணக்கம்', 'அன்புள்ள'],
  thanks: ['நன்றி', 'நன்றிகள்'],
  needs_question: ['எப்படி உதவ', 'என்ன உதவி', 'சொல்ல முடியுமா', 'சொல்லுங்கள்', 'ஆர்டர் எண்', 'என்ன நடந்தது', 'விவரமாக', 'விவரங்கள்'],
};

const taLatn: Lexicon = {
  apology: ['sorry', 'mannikkavum', 'mannichidunga', 'mannichukonga', 'varundhuren', 'varundhugiren', 'varundhugirom'],
  empathy: ['puriyudhu', 'puriyuthu', 'purinjukuren', 'frustrating', 'kashtama', 'kashtam', 'sirammathukku', 'kashtathukku', 'yemaatram', 'niyayam', 'ungal nilai'],
  next_step: ['*ren', '*rom', '*ven', 'udane', 'ippove', 'indru', 'inniki', '*kulla', 'enna senja', 'varum', 'anuppitten', 'paakren'],
  defensive: ['amaidhiya irunga', 'amaithiya irunga', 'calm down', 'already sonnen', 'munnadiye sonnen', 'enga thappu illa', 'onnum panna mudiyadhu'],
  not_defensive: [],
  contrast: ['aanaal', 'aanal', 'aana', 'but'],
  filler: ['any inconvenience', 'asowkariyathukku', 'valued customer'],
  greeting: ['vanakkam', 'vanakam', 'hello', 'hi', 'welcome'],
  thanks: ['nandri', 'thanks', 'thank you'],
  needs_question: ['eppadi udhava', 'enna udhavi', 'solla mudiyuma', 'sollunga', 'order number', 'enna aachu'],
};

const te: Lexicon = {
  apology: ['క్షమించండి', 'క్షమాపణ*', 'క్షమించు', 'సారీ', 'చింతిస్తున్నాను', 'చింతిస్తున్నాము', 'విచారిస్తున్నాము'],
  empathy: [
    'అర్థమవుతోంది', 'అర్థం చేసుకోగలను', 'అర్థం చేసుకుంటున్నాను', 'అర్థమైంది', 'చిరాకు*', 'నిరాశ', 'బాధ*', 'ఇబ్బంది*',
    'మీ హక్కు', 'న్యాయమే', 'మీరు చెప్పింది నిజమే', 'కలిగిన ఇబ్బంది*', 'సంప్రదించాల్సి', 'ఆశించిన',
  ],
  next_step: [
    '*తాను', '*తాము', '*స్తా', '*తున్నాను', '*తున్నాము', '*పాను', 'వెంటనే', 'ఈరోజే', 'ఇప్పుడే', 'గంటల్లో', 'రోజుల్లో',
    '*లోగా', 'ఏం చేస్తే', 'ఏమి చేయగలను', 'చేయగలిగింది', 'వస్తుంది', 'బాధ్యత నాదే',
  ],
  defensive: [
    'శాంతించండి', 'ప్రశాంతంగా ఉండండి', 'నేను ఇప్పటికే చెప్పాను', 'ఇప్పటికే చెప్పాను', 'ముందే చెప్పాను', 'చెప్పినట్లు',
    'చేసి ఉండాల్సింది', 'చూసి ఉండాల్సింది', 'చదివి ఉండాల్సింది', 'మా తప్పు కాదు', 'నా తప్పు కాదు', 'ఏమీ చేయలేము',
    'ఏమీ చేయలేను',
  ],
  not_defensive: [],
  contrast: ['కానీ', 'కాని', 'అయినప్పటికీ', 'అయినా'],
  filler: [
    'కలిగిన అసౌకర్యానికి', 'ఏదైనా అసౌకర్యానికి', 'అసౌకర్యానికి చింతిస్తున్నాము', 'మీ కాల్ మాకు ముఖ్యం', 'విలువైన కస్టమర్',
    'గౌరవనీయ వినియోగదారు', 'ప్రియమైన కస్టమర్',
  ],
  greeting: ['నమస్కారం', 'నమస్తే', 'స్వాగతం', 'శుభోదయం', 'హలో', 'ప్రియమైన'],
  thanks: ['ధన్యవాదాలు', 'ధన్యవాదములు', 'కృతజ్ఞతలు', 'థ్యాంక్స్'],
  needs_question: ['ఎలా సహాయ*', 'ఏం సహాయం', 'చెప్పగలరా', 'చెప్పండి', 'ఆర్డర్ నంబర్', 'ఏం జరిగింది', 'వివరంగా', 'వివరాలు'],
};

const teLatn: Lexicon = {
  apology: ['sorry', 'kshaminchandi', 'kshamapana', 'chintistunnanu', 'chintistunnamu'],
  empathy: ['ardham avutondi', 'ardhamaindi', 'ardham chesukogalanu', 'chiraaku', 'chiraku', 'ibbandi*', 'baadha', 'nirasha', 'frustrating'],
  next_step: ['*tanu', '*tamu', '*stanu', 'ventane', 'ivale', 'ippude', '*lopu', 'em chesthe', 'em cheyagalanu', 'vastundi', 'pampanu'],
  defensive: ['shantinchandi', 'calm down', 'mundhe cheppanu', 'already cheppanu', 'maa thappu kaadu', 'emi cheyalemu', 'emi cheyalenu'],
  not_defensive: [],
  contrast: ['kaani', 'kani', 'but', 'ayina'],
  filler: ['any inconvenience', 'asaukaryaniki', 'valued customer'],
  greeting: ['namaskaram', 'namaste', 'hello', 'hi', 'swagatam', 'welcome'],
  thanks: ['dhanyavaadalu', 'dhanyavadalu', 'thanks', 'thank you'],
  needs_question: ['ela sahayam', 'em sahayam', 'cheppagalara', 'cheppandi', 'order number', 'em jarigindi'],
};

export const LEXICONS: Record<Language, Lexicon> = {
  en,
  es,
  hi,
  'hi-Latn': hiLatn,
  ta,
  'ta-Latn': taLatn,
  te,
  'te-Latn': teLatn,
};
