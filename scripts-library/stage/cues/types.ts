import type { Language } from '../../schemas';

/**
 * What a cue says about a turn. Kinds are deliberately about function ("asks for a detail", "reports an action
 * taken"), not about one corpus: each language lists its own everyday ways of doing each thing.
 */
export const CUE_KINDS = [
  // opening
  'greet', // hello, namaste, vanakkam, hola
  'welcome', // thanks for contacting, welcome to, this is Ravi from
  'help_offer', // how can I help you (today)?
  // rapport
  'small_talk', // weather, how are you, festivals, sport, where are you calling from
  'small_talk_reply', // I'm good thanks, haha yes, same here, oh how lovely
  'personal', // my daughter, wedding, new job, moving house: personal life, rapport when it is not the need itself
  'personal_wish', // enjoy your trip, happy birthday, congratulations
  'praise', // you've been very patient, great service
  // discovery
  'need', // I want, I need, how do I, is it possible
  'problem', // not received, error, charged twice (factual, not emotional)
  'ask_detail', // could you share the order number, since when, which device
  'detail', // it's the blue one, my email is, it started yesterday
  // solution
  'instruction', // please try, go to settings, tap, restart
  'action_done', // I've reset it, refund has been initiated
  'info', // you will receive, within 5-7 days, the reason is
  'check_fix', // did it work? is it loading now?
  'accept', // ok, trying now, done, it works
  'trying', // trying now, one moment: in the middle of carrying out steps
  'step_question', // where is settings? which button?
  // recovery
  'apology', // sorry, apologise, maafi
  'company_fault', // for the delay, for the inconvenience, our mistake (apology about the company's failure)
  'empathy', // I understand how frustrating, that must be annoying
  'reassure', // I'll personally make sure, rest assured
  // closing
  'thanks',
  'bye',
  'thats_all', // that's all, nothing else
  'anything_else', // anything else I can help with
  'survey', // rate, feedback
  'resolved', // glad it's sorted, happy to help
  // follow-up
  'checkin', // just checking in, following up
  'earlier_ref', // last week, my earlier ticket, I wrote before
  'update_req', // any update? status of my refund
  'report_back', // all good since, arrived today, working fine now
  // dissatisfaction
  'complaint', // worst, useless, unacceptable, bekaar
  'frustration', // frustrated, fed up, disappointed, pareshan
  'anger', // angry, nonsense, idiot, gussa
  'threat', // cancel my account, consumer court, switching to
  'repeat', // third time, again and again, already told you
  'still', // still, yet, so far, for a week: persistence, weak on its own
  'sarcasm', // thanks for nothing, great job
  'rhetorical', // why do I have to, how hard is it, what am I paying for: a complaint asked as a question
  'urgency', // urgent, asap, jaldi
  // sentiment words that negation flips
  'positive', // happy, satisfied, good, helpful
  'negative', // bad, problem, issue (as a word)
  // modifiers
  'negator',
  'intensifier',
  'downtoner',
  'question_word',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/**
 * A language's cues. Phrase syntax (kept tiny so lists stay readable):
 * - words separated by spaces match consecutive tokens;
 * - `word*` matches a token starting with `word`, `*word` a token ending with it (Tamil/Telugu suffixes);
 * - a leading `^` means the phrase must start within the first three tokens of the turn;
 * - a trailing `@1.5` overrides the kind's default weight.
 */
export interface LanguageCues {
  lang: Language;
  /**
   * Where negators sit relative to what they negate: English/Spanish put them before ("not happy"), Hindi, Tamil
   * and Telugu after ("khush nahi", "santhosham illa", "bagaledu").
   */
  negation: 'before' | 'after' | 'both';
  phrases: Partial<Record<CueKind, readonly string[]>>;
}
