export { REVIEW_POINTS, reviewConversation } from './method-review';
export type { ConversationReview, ReviewItem, ReviewPoint, ReviewStatus, ReviewTag, ReviewTurn } from './method-review';
