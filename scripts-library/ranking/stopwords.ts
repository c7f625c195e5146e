import { foldText } from '../search/tokens';

/**
 * Words that carry no topic in any conversation: pronouns, conjunctions, auxiliaries and politeness. The ranker
 * also ignores any word common in the library (see RARE_WORD_SHARE), but a small library cannot tell "but" from
 * "refund" by counting, so the commonest ones are named here. Folded like search text.
 */
const WORDS = [
  // English
  'the', 'and', 'but', 'for', 'you', 'your', 'yours', 'our', 'ours', 'this', 'that', 'these', 'those', 'with', 'have', 'has',
  'had', 'was', 'were', 'are', 'will', 'would', 'can', 'could', 'should', 'not', 'nobody', 'any', 'all', 'just', 'very',
  'really', 'please', 'thanks', 'thank', 'again', 'from', 'been', 'what', 'when', 'where', 'which', 'who', 'why', 'how',
  'there', 'here', 'then', 'than', 'also', 'still', 'yet', 'about', 'into', 'over', 'after', 'before', 'because', 'taking',
  // Spanish
  'que', 'por', 'para', 'con', 'una', 'uno', 'los', 'las', 'del', 'pero', 'como', 'muy', 'más', 'mas', 'ya', 'esto', 'esta',
  'este', 'eso', 'ese', 'usted', 'gracias', 'hola', 'todo', 'nada', 'sin', 'sobre',
  // Hindi (Devanagari)
  'लेकिन', 'और', 'क्या', 'नहीं', 'कोई', 'कुछ', 'यह', 'वह', 'आप', 'आपका', 'आपकी', 'आपके', 'मैं', 'मैंने', 'मेरा', 'मेरी', 'मुझे',
  'हम', 'हमें', 'हमारी', 'हमारा', 'तक', 'भी', 'फिर', 'अभी', 'बहुत', 'कृपया', 'धन्यवाद', 'इसके', 'उसके', 'किया', 'गया', 'गई',
  // Hindi (romanized)
  'lekin', 'aur', 'kya', 'nahi', 'nahin', 'koi', 'kuch', 'yeh', 'aap', 'aapka', 'aapki', 'aapke', 'main', 'maine', 'mera',
  'meri', 'mujhe', 'hum', 'tak', 'bhi', 'phir', 'abhi', 'bahut', 'please', 'hai', 'hain', 'karke', 'yaar',
  // Tamil
  'ஆனால்', 'மற்றும்', 'இது', 'அது', 'நீங்கள்', 'உங்கள்', 'உங்களுக்கு', 'நான்', 'என்', 'எனக்கு', 'நாங்கள்', 'இன்னும்', 'மிகவும்',
  'தயவுசெய்து', 'நன்றி', 'ஒரு', 'என்று',
  // Tamil (romanized)
  'aana', 'idhu', 'adhu', 'neenga', 'unga', 'ungalukku', 'naan', 'enakku', 'innum', 'romba', 'nandri', 'oru',
  // Telugu
  'కానీ', 'మరియు', 'ఇది', 'అది', 'మీరు', 'మీ', 'మీకు', 'నేను', 'నా', 'నాకు', 'మేము', 'ఇంకా', 'చాలా', 'దయచేసి', 'ధన్యవాదాలు',
  'ఒక',
  // Telugu (romanized)
  'kani', 'idi', 'adi', 'meeru', 'mee', 'meeku', 'nenu', 'naaku', 'inka', 'chala', 'dhanyavaadalu', 'oka',
];

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.map((w) => foldText(w)));
