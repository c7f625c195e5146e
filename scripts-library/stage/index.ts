export type { Turn, Evidence, EvidenceKind, TurnTag, PanelStage } from './types';
export { detectLanguage, conversationLanguage } from '../language/detect';
export { scoreDissatisfaction, describeEvidence } from './evidence';
export { ConversationTracker, tagConversation } from './tracker';
