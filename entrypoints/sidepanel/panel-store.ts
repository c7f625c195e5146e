import { create } from 'zustand';
import type { TabState } from '@/scripts-library/messages';
import type { ConversationSnapshot, Language, Stage } from '@/scripts-library/schemas';
import { ConversationTracker, type PanelStage, type TurnTag } from '@/scripts-library/stage';

export interface ConversationAnalysis {
  /** What the agent's next reply should do. */
  panelStage: PanelStage;
  /** The conversation's language as detected. */
  detectedLanguage: Language;
  tags: readonly TurnTag[];
}

export interface PanelNotice {
  kind: 'success' | 'warning' | 'error';
  text: string;
}

interface PanelStore {
  tabId: number | null;
  /** What the agent typed in the search box (`/`); empty shows the suggestions. */
  searchQuery: string;
  /** The turn picked on the stage timeline, shown in full; null: none. */
  timelineTurn: number | null;
  tabState: TabState | null;
  analysis: ConversationAnalysis | null;
  /** The agent's choice of reply language; null follows the conversation. */
  replyLanguage: Language | null;
  notice: PanelNotice | null;
  bindTab(tabId: number): void;
  receiveTabState(state: TabState): void;
  pinStage(stage: Stage): void;
  unpinStage(): void;
  chooseReplyLanguage(lang: Language | null): void;
  showNotice(notice: PanelNotice | null): void;
  setSearchQuery(query: string): void;
  showTimelineTurn(turn: number | null): void;
}

/** One tracker per open conversation, so a new message costs only its own tagging. */
let tracker: ConversationTracker | null = null;
let trackedConversation: string | null = null;

/** Which conversation a snapshot belongs to (site and ticket, else the address without its fragment). */
export function conversationKey(snapshot: ConversationSnapshot): string {
  return [snapshot.site, snapshot.ticketId ?? snapshot.url.split('#')[0]].join('|');
}

function analyse(snapshot: ConversationSnapshot | null): ConversationAnalysis | null {
  if (!snapshot) {
    tracker = null;
    trackedConversation = null;
    return null;
  }
  const key = conversationKey(snapshot);
  if (!tracker || key !== trackedConversation) {
    tracker = new ConversationTracker();
    trackedConversation = key;
  }
  tracker.update(snapshot.messages);
  return currentAnalysis(tracker);
}

function currentAnalysis(current: ConversationTracker): ConversationAnalysis {
  return { panelStage: current.panelStage(), detectedLanguage: current.language, tags: current.tags };
}

export const usePanelStore = create<PanelStore>()((set, get) => ({
  tabId: null,
  searchQuery: '',
  timelineTurn: null,
  tabState: null,
  analysis: null,
  replyLanguage: null,
  notice: null,
  bindTab(tabId) {
    if (get().tabId === tabId) return;
    tracker = null;
    trackedConversation = null;
    set({ tabId, tabState: null, analysis: null, notice: null, searchQuery: '', timelineTurn: null });
  },
  receiveTabState(state) {
    if (state.tabId !== get().tabId) return;
    const before = trackedConversation;
    const analysis = analyse(state.snapshot);
    // Another ticket: the picked turn belonged to the previous one.
    set(trackedConversation === before ? { tabState: state, analysis } : { tabState: state, analysis, timelineTurn: null });
  },
  pinStage(stage) {
    if (!tracker) return;
    tracker.pin(stage);
    set({ analysis: currentAnalysis(tracker) });
  },
  unpinStage() {
    if (!tracker) return;
    tracker.unpin();
    set({ analysis: currentAnalysis(tracker) });
  },
  chooseReplyLanguage(lang) {
    set({ replyLanguage: lang });
  },
  showNotice(notice) {
    set({ notice });
  },
  setSearchQuery(searchQuery) {
    set({ searchQuery });
  },
  showTimelineTurn(timelineTurn) {
    set({ timelineTurn });
  },
}));
