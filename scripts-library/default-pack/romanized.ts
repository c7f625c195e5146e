import type { PackScript } from '../schemas';
import { packScript } from './pack-script';

// Romanized Hindi, Tamil and Telugu as customers and agents actually type them in chat: colloquial but polite
// (aap, neenga/unga, meeru/mee/andi), English words for things people say in English. There is no single
// spelling standard, so these follow the most common chat spellings; the language detector has to cope with others.
//
// Ids follow default.<stage>.<slug>.<lang>, sharing slugs with the native-script files where the intent is the same.
const script = packScript;

/** Hinglish. Verbs avoid the speaker's gender ("hum", "maine … kar diya hai"), as in the Devanagari file. */
export const hiLatnScripts: PackScript[] = [
  script('hi-Latn', 'greeting', 'greeting', 'welcome', 'Warm welcome',
    'Namaste {{customer.firstName|ji}}, {{company|humare support chat}} mein aapka swagat hai! Bataiye, aaj hum aapki kya help kar sakte hain?'),
  script('hi-Latn', 'greeting', 'greeting', 'thanks-for-waiting', 'Thanks for waiting',
    'Namaste {{customer.firstName|ji}}, wait karne ke liye thank you, aur thodi der ho gayi uske liye sorry. Ab bataiye, kya help chahiye?'),

  script('hi-Latn', 'rapport', 'rapport_question', 'how-is-your-day', 'How is your day?',
    'Waise aapka din kaisa chal raha hai? Umeed hai sab badhiya hoga.'),
  script('hi-Latn', 'rapport', 'rapport_question', 'where-from', 'Where are you writing from?',
    'Aap kahan se message kar rahe hain? Wahan aaj mausam kaisa hai?'),

  script('hi-Latn', 'discovery', 'needs_question', 'tell-me-more', 'Tell me more',
    'Thoda detail mein bata sakte hain kya hua tha? Jitni zyada info milegi, utna jaldi hum ise solve kar payenge.'),
  script('hi-Latn', 'discovery', 'needs_question', 'order-number', 'Ask for the order number',
    'Kya aap apna order number share kar sakte hain? Ye aapko order confirmation email mein mil jayega.',
    { tags: ['order'] }),
  script('hi-Latn', 'discovery', 'needs_question', 'when-started', 'When did it start?',
    'Ye problem pehli baar kab notice hui? Har baar hoti hai ya kabhi kabhi?',
    { tags: ['troubleshooting'] }),

  script('hi-Latn', 'solution', 'solution', 'refund-issued', 'Refund issued',
    'Maine aapke order ka refund process kar diya hai. Bank ke hisaab se 5–7 working days mein aapke account mein aa jana chahiye.',
    { tags: ['refund', 'billing', 'order'] }),
  script('hi-Latn', 'solution', 'solution', 'password-reset', 'Password reset link sent',
    'Aapke registered email par password reset link bhej diya hai. Ye 24 ghante tak valid hai, agar kuch minute mein na dikhe to spam folder bhi check kar lijiye.',
    { tags: ['password', 'login', 'account'] }),
  script('hi-Latn', 'solution', 'solution', 'replacement-sent', 'Replacement arranged',
    'Aapke liye bina kisi extra charge ke replacement arrange kar diya hai. 2 working days mein dispatch ho jayega, aur tracking link aapko email par mil jayega.',
    { tags: ['replacement', 'order', 'delivery'] }),

  script('hi-Latn', 'recovery', 'empathy', 'understand-frustration', 'Understand the frustration',
    'Ye sach mein bahut frustrating hai, khaaskar jab aapko iski time pe zaroorat thi.',
    { tags: ['heal'] }),
  script('hi-Latn', 'recovery', 'apology', 'sincere-apology', 'Sincere apology',
    'Aapko jo pareshani hui uske liye mujhe sach mein bahut afsos hai. Aapke hisaab se ise theek karne ke liye hum kya karein?',
    { tags: ['heal'] }),
  script('hi-Latn', 'recovery', 'apology', 'next-steps', 'Apology with next steps',
    'Iske liye dil se sorry. Maine aapka case urgent mark karke delivery team ko bhej diya hai, aur kal shaam tak aapko meri taraf se update mil jayega.',
    { tags: ['heal', 'delivery'] }),

  script('hi-Latn', 'closing', 'gratitude', 'thanks-patience', 'Thanks for your patience',
    'Aapke patience ke liye bahut bahut thank you {{customer.firstName|ji}}!'),
  script('hi-Latn', 'closing', 'closing', 'anything-else', 'Anything else?',
    'Kya iske alawa aaj hum aapki koi aur help kar sakte hain?'),
  script('hi-Latn', 'closing', 'closing', 'pleasure-helping', 'Pleasure helping you',
    'Aapki help karke accha laga. Apna khayal rakhiye {{customer.firstName|ji}}!'),

  script('hi-Latn', 'follow_up', 'follow_up', 'replacement-checkin', 'Replacement check-in',
    'Namaste {{customer.firstName|ji}}, pichhle hafte jo replacement bheja tha, wo aapko mil gaya? Sab theek se kaam kar raha hai na?',
    { tags: ['replacement', 'delivery'] }),
  script('hi-Latn', 'follow_up', 'follow_up', 'refund-received', 'Refund received?',
    'Namaste {{customer.firstName|ji}}, bas confirm karna tha ki aapka refund account mein aa gaya ya nahi. Agar abhi tak nahi aaya to bataiye, hum turant check karenge.',
    { tags: ['refund'] }),
];

/** Tanglish. An empty name fallback before punctuation renders as "Vanakkam!" (the renderer drops the space). */
export const taLatnScripts: PackScript[] = [
  script('ta-Latn', 'greeting', 'greeting', 'thanks-for-contacting', 'Thanks for getting in touch',
    'Vanakkam {{customer.firstName|}}! Engala contact pannadhukku romba nandri. Innaikku ungalukku enna help venum nu sollunga.'),
  script('ta-Latn', 'greeting', 'greeting', 'thanks-for-waiting', 'Thanks for waiting',
    'Vanakkam {{customer.firstName|}}, wait pannadhukku nandri, konjam late aanadhukku sorry. Ippo sollunga, naan eppadi help pannalaam?'),

  script('ta-Latn', 'rapport', 'rapport_question', 'how-is-your-day', 'How is your day?',
    'Innaikku unga naal epdi pogudhu? Nalla pogudhunu nambaren.'),
  script('ta-Latn', 'rapport', 'rapport_question', 'where-from', 'Where are you writing from?',
    'Neenga endha ooru la irundhu message panreenga? Anga weather epdi irukku?'),

  script('ta-Latn', 'discovery', 'needs_question', 'order-number', 'Ask for the order number',
    'Unga order number konjam share panna mudiyuma? Order confirmation email la adhu irukkum.',
    { tags: ['order'] }),
  script('ta-Latn', 'discovery', 'needs_question', 'when-started', 'When did it start?',
    'Indha problem first eppo notice panneenga? Ovvoru thadavaiyum varudha, illa appappo mattum dhaana?',
    { tags: ['troubleshooting'] }),

  script('ta-Latn', 'solution', 'solution', 'refund-issued', 'Refund issued',
    'Unga order ku refund process pannitten. Unga bank poruththu 5–7 working days la amount unga account ku vandhudum.',
    { tags: ['refund', 'billing', 'order'] }),
  script('ta-Latn', 'solution', 'solution', 'password-reset', 'Password reset link sent',
    'Unga registered email ku password reset link anuppirukken. Adhu 24 hours valid. Konja nerathula varalana, spam folder um check pannunga.',
    { tags: ['password', 'login', 'account'] }),

  script('ta-Latn', 'recovery', 'empathy', 'understand-frustration', 'Understand the frustration',
    'Idhu evlo frustrating ah irukkum nu puriyudhu, adhuvum ungalukku time ku thevai patta podhu.',
    { tags: ['heal'] }),
  script('ta-Latn', 'recovery', 'apology', 'sincere-apology', 'Sincere apology',
    'Idhanaala ungalukku aana sirammathukku unmaiyave varundhuren. Idha sari panna naanga enna senja ungalukku thirupthiya irukkum?',
    { tags: ['heal'] }),
  script('ta-Latn', 'recovery', 'apology', 'next-steps', 'Apology with next steps',
    'Idhukku romba sorry. Unga case ah urgent ah delivery team ku anuppitten, naalai saayangalathukkulla enkitta irundhu update varum.',
    { tags: ['heal', 'delivery'] }),

  script('ta-Latn', 'closing', 'gratitude', 'thanks-patience', 'Thanks for your patience',
    'Porumaiya wait pannadhukku romba nandri {{customer.firstName|}}!'),
  script('ta-Latn', 'closing', 'closing', 'anything-else', 'Anything else?',
    'Innaikku vera edhavadhu help venumaa?'),

  script('ta-Latn', 'follow_up', 'follow_up', 'replacement-checkin', 'Replacement check-in',
    'Vanakkam {{customer.firstName|}}, pona vaaram anuppuna replacement vandhuducha? Ellam correct ah work aagudha?',
    { tags: ['replacement', 'delivery'] }),
  script('ta-Latn', 'follow_up', 'follow_up', 'refund-received', 'Refund received?',
    'Vanakkam {{customer.firstName|}}, unga refund account ku vandhuducha nu confirm panna dhaan message panren. Innum varalana sollunga, udane paakuren.',
    { tags: ['refund'] }),
];

/** Romanized Telugu. "andi" stands in for an unknown name, as in the Telugu-script file. */
export const teLatnScripts: PackScript[] = [
  script('te-Latn', 'greeting', 'greeting', 'welcome', 'Warm welcome',
    'Namaskaram {{customer.firstName|andi}}! {{company|Maa}} support chat ki swagatham. Ee roju meeku ela help cheyagalanu?'),
  script('te-Latn', 'greeting', 'greeting', 'thanks-for-waiting', 'Thanks for waiting',
    'Namaskaram {{customer.firstName|andi}}, wait chesinanduku thanks, konchem late ayinanduku sorry. Ippudu cheppandi, meeku em help kavali?'),

  script('te-Latn', 'rapport', 'rapport_question', 'how-is-your-day', 'How is your day?',
    'Mee roju ela jarugutondi andi? Baagane undani anukuntunnanu.'),
  script('te-Latn', 'rapport', 'rapport_question', 'where-from', 'Where are you writing from?',
    'Meeru ae ooru nunchi message chestunnaru? Akkada weather ela undi?'),

  script('te-Latn', 'discovery', 'needs_question', 'order-number', 'Ask for the order number',
    'Mee order number share cheyagalara? Order confirmation email lo adi untundi.',
    { tags: ['order'] }),
  script('te-Latn', 'discovery', 'needs_question', 'when-started', 'When did it start?',
    'Ee problem meeru first eppudu notice chesaru? Prathi saari vastondaa, leka appudappudu maatrame naa?',
    { tags: ['troubleshooting'] }),

  script('te-Latn', 'solution', 'solution', 'refund-issued', 'Refund issued',
    'Mee order ki refund process chesanu. Mee bank ni batti 5–7 working days lo amount mee account lo padutundi.',
    { tags: ['refund', 'billing', 'order'] }),
  script('te-Latn', 'solution', 'solution', 'password-reset', 'Password reset link sent',
    'Mee registered email ki password reset link pampanu. Adi 24 hours valid. Konchem sepatlo raakapothe, spam folder kuda check cheyyandi.',
    { tags: ['password', 'login', 'account'] }),

  script('te-Latn', 'recovery', 'empathy', 'understand-frustration', 'Understand the frustration',
    'Idi entha chiraaku ga untundo ardham avutondi, mukhyanga meeku idi time ki avasaram ainappudu.',
    { tags: ['heal'] }),
  script('te-Latn', 'recovery', 'apology', 'sincere-apology', 'Sincere apology',
    'Deeni valla meeku kaligina ibbandiki nijanga sorry andi. Deenni sari cheyyadaniki memu em chesthe meeku trupthiga untundi?',
    { tags: ['heal'] }),
  script('te-Latn', 'recovery', 'apology', 'next-steps', 'Apology with next steps',
    'Deeniki nijanga sorry. Mee case ni urgent ga maa delivery team ki pampanu, repu saayantram lopu naa nunchi meeku update vastundi.',
    { tags: ['heal', 'delivery'] }),

  script('te-Latn', 'closing', 'gratitude', 'thanks-patience', 'Thanks for your patience',
    'Opikaga wait chesinanduku chala thanks {{customer.firstName|andi}}!'),
  script('te-Latn', 'closing', 'closing', 'anything-else', 'Anything else?',
    'Inka emaina help kavala andi?'),

  script('te-Latn', 'follow_up', 'follow_up', 'replacement-checkin', 'Replacement check-in',
    'Namaskaram {{customer.firstName|andi}}, last week pampina replacement meeku andinda? Anni correct ga work avutunnaya?',
    { tags: ['replacement', 'delivery'] }),
  script('te-Latn', 'follow_up', 'follow_up', 'refund-received', 'Refund received?',
    'Namaskaram {{customer.firstName|andi}}, mee refund account lo padindo ledo confirm cheyyadaniki message chestunnanu. Inka raakapothe cheppandi, ventane chustanu.',
    { tags: ['refund'] }),
];
