import type { ConversationSnapshot } from '@/scripts-library/schemas';

/** What an adapter reads; the content script adds `site`, `url` and `hasEditor`. */
export type ConversationReading = Omit<ConversationSnapshot, 'site' | 'url' | 'hasEditor'>;

/**
 * One helpdesk's knowledge of its own page. Adapters are pure DOM readers: they take the document as a parameter
 * (so tests hand them a parsed fixture), never write to the page and never throw for odd markup: a page that breaks
 * their assumptions yields `null` from `read`, and the content script falls back to the generic reader.
 */
export interface SiteAdapter {
  /** Stable id, shown in the panel as `data-site`. */
  id: string;
  /** Human name for the panel ("Zendesk"). */
  label: string;
  /** Whether this page is this helpdesk's agent view (by hostname and/or markup). */
  detect(url: URL, doc: Document): boolean;
  /** The open conversation, or null when the page shows none. */
  read(doc: Document): ConversationReading | null;
  /** The reply editor of the open conversation, or null. */
  findEditor(doc: Document): HTMLElement | null;
  /**
   * The element whose subtree holds the conversation; the content script observes only it when present,
   * so unrelated page churn (timers, presence dots) costs nothing.
   */
  conversationRoot?(doc: Document): Element | null;
}
