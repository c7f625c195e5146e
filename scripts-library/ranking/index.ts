export { RankingIndex, type RankFactor, type RankFactorName, type RankedScript, type RankingSignals } from './script-index';
export { siblingLanguage, type RankingMoment } from './moment';
export { selectSuggestions, otherStagesFromEvidence } from './select';
export { TOPICS, TOPIC_NAMES, topicOfWord, topicsOfWords, type Topic } from './topics';
export { WEIGHTS, LANGUAGE_FIT, LEADING_KINDS } from './weights';
export { agentLanguageOf, coachHeal, packPriorityOf, rankingMomentOf, turnsWithTags, type MomentInputs } from './agent-moment';
