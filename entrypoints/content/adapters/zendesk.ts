/**
 * Zendesk Agent Workspace. Every open ticket tab keeps its whole pane in the page (hidden when not selected), so all
 * reading starts from the active ticket's pane; the others, the interaction history in the customer context panel
 * and the views list are never read.
 */
import type { Channel, Message, Speaker } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText } from './message-text';
import {
  all,
  channelFromLabel,
  cleanName,
  digitsOf,
  first,
  firstFieldValue,
  firstText,
  hostIs,
  idFromUrl,
  isHidden,
  looseTimeOf,
  oldestFirst,
  safely,
} from './ticket-page-helpers';

const selectors = {
  /** Markup that only the Agent Workspace renders; one of them must be present for `detect`. */
  workspaceMarkers: [
    '[data-test-id="omni-log-container"]',
    'article[data-test-id="omni-log-comment-item"]',
    '[data-test-id="omnicomposer-rich-text-ckeditor"]',
    '[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"]',
    '[data-side-conversations-anchor-id]',
  ],
  selectedTab: [
    '[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"][data-entity-is-selected="true"]',
    '[data-test-id="header-tab"][data-entity-is-selected="true"]',
    'header [data-entity-type="TICKET_ENTITY_TYPE"][data-selected="true"]',
    '[data-test-id="header-tab"][aria-selected="true"]',
  ],
  tabTitle: '[data-test-id="header-tab-title"]',
  /** One per open ticket; `{id}` is the ticket number. */
  paneForTicket: [
    '[data-test-id="ticket-{id}-standard-layout"]',
    '[data-side-conversations-anchor-id="{id}"]',
  ],
  activePane: [
    '[data-test-id$="-standard-layout"][data-is-active="true"]',
    '.ticket-panes-grid-layout.active',
  ],
  anyPane: ['[data-test-id$="-standard-layout"]', '[data-side-conversations-anchor-id]', '.ticket-panes-grid-layout'],
  conversationAnchor: '[data-side-conversations-anchor-id]',
  editable: '[contenteditable="true"]',
  /** The whole ticket workspace around a conversation anchor: properties column, log, composer, context panel. */
  paneContainer: ['[data-test-id$="-standard-layout"]', '.ticket-panes-grid-layout', '.workspace', '#main_panes > *'],
  log: '[data-test-id="omni-log-container"]',
  comment: ['article[data-test-id="omni-log-comment-item"]', '[data-test-id="omni-log-comment-item"]'],
  bubble: '[data-test-id="omni-log-item-message"]',
  body: ['[data-test-id="omni-log-message-content"]', '.zd-comment'],
  internalNoteTag: '[data-test-id="omni-log-internal-note-tag"]',
  agentBadge: '[data-test-id="omni-log-avatar-badge-AgentBadge"]',
  sender: ['[data-test-id="omni-log-comment-user-link"]', '[data-test-id="omni-log-item-sender"]'],
  via: '[data-test-id="omni-log-item-via"]',
  time: ['time[data-test-id="timestamp-absolute"]', 'time[data-test-id="timestamp-relative"]', 'time[datetime]'],
  subject: [
    'input[data-test-id="omni-header-subject"]',
    '[data-test-id="omni-header-subject"]',
    'input[data-test-id="ticket-pane-subject"]',
    '[data-test-id="ticket-pane-subject"]',
    'input[aria-label="Subject"]',
  ],
  requester: [
    '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="dropdowns.combobox.value"]',
    '[data-test-id="ticket-system-field-requester-select"]',
  ],
  assignee: ['[data-test-id="assignee-field-selected-agent-tag"]', '[data-test-id="assignee-field-autocomplete-trigger"]'],
  channelSwitcher: '[data-test-id="omnichannel-channel-switcher-button"][data-channel]',
  editor: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"]',
    '.ck-editor__editable[contenteditable="true"]',
    '[data-test-id="omnicomposer-plain-text-ckeditor"]',
    '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
    '.zendesk-editor--rich-text-container [contenteditable="true"]',
  ],
} as const;

const TICKET_PATH = /\/agent\/tickets\/(\d+)/;

interface ActivePane {
  root: ParentNode;
  ticketId: string | null;
  tabTitle: string | null;
}

function selectedTab(doc: Document): Element | null {
  return first(doc, selectors.selectedTab);
}

function paneFor(doc: Document, ticketId: string): Element | null {
  // The id comes from the page; keep it to digits so it cannot bend the selector.
  if (!/^\d+$/.test(ticketId)) return null;
  const found = first(doc, selectors.paneForTicket.map((s) => s.replace('{id}', ticketId)));
  return found ? widen(found) : null;
}

/** From a conversation anchor out to its ticket's whole workspace, where the requester and assignee fields live. */
function widen(pane: Element): Element {
  for (const selector of selectors.paneContainer) {
    const container = safely(() => pane.closest(selector), null);
    if (container) return container;
  }
  return pane;
}

function ticketIdOfPane(pane: Element): string | null {
  const anchor = pane.matches(selectors.conversationAnchor) ? pane : pane.querySelector(selectors.conversationAnchor);
  const anchored = anchor?.getAttribute('data-side-conversations-anchor-id');
  if (anchored && /^\d+$/.test(anchored)) return anchored;
  return /^ticket-(\d+)-standard-layout$/.exec(pane.getAttribute('data-test-id') ?? '')?.[1] ?? null;
}

/**
 * The pane of the ticket the agent is looking at: the selected header tab names it; failing that the pane marked
 * active; failing that the only pane that is not hidden. When the page holds several visible logs and nothing says
 * which is current, there is no safe answer.
 */
function activePane(doc: Document): ActivePane | null {
  const tab = selectedTab(doc);
  const tabId = tab?.getAttribute('data-entity-id') ?? digitsOf(tab?.getAttribute('href')) ?? null;
  const tabTitle = tab ? firstText(tab, [selectors.tabTitle]) : null;
  const urlId = idFromUrl(doc, TICKET_PATH);

  for (const id of [tabId, urlId]) {
    const pane = id ? paneFor(doc, id) : null;
    if (pane && id) return { root: pane, ticketId: id, tabTitle };
  }
  const marked = first(doc, selectors.activePane);
  if (marked) return { root: marked, ticketId: ticketIdOfPane(marked) ?? tabId, tabTitle };

  const candidates = all(doc, selectors.anyPane);
  // A layout wraps its conversation anchor: count each ticket once, by its outermost pane.
  const panes = candidates.filter((pane) => !candidates.some((other) => other !== pane && other.contains(pane)));
  const shown = panes.filter((pane) => !isHidden(pane));
  if (shown.length === 1 && shown[0]) return { root: widen(shown[0]), ticketId: ticketIdOfPane(shown[0]) ?? tabId, tabTitle };

  const logs = all(doc, [selectors.log]).filter((log) => !isHidden(log));
  if (panes.length === 0 && logs.length <= 1) return { root: doc, ticketId: tabId ?? urlId, tabTitle };
  return null;
}

interface ReadComment {
  message: Message;
  sender: string | null;
  via: string | null;
}

function speakerOf(comment: Element, bubble: Element | null, customerName: string | null, sender: string | null): Speaker | 'skip' {
  if (comment.querySelector(selectors.internalNoteTag)) return 'skip';
  const type = (bubble?.getAttribute('type') ?? '').toLowerCase();
  if (type === 'internal' || type === 'system') return 'skip';
  if (type === 'end-user' || type === 'end_user' || type === 'requester' || type === 'customer') return 'customer';
  if (type === 'agent' || type === 'bot' || type === 'answer-bot') return 'agent';
  // No type: Zendesk badges agents' avatars; otherwise the requester's name is the best evidence left.
  if (comment.querySelector(selectors.agentBadge)) return 'agent';
  if (sender && customerName && sender === customerName) return 'customer';
  return sender ? 'agent' : 'skip';
}

function readComment(comment: Element, customerName: string | null): ReadComment | null {
  const bubble = comment.querySelector(selectors.bubble);
  // Events (assignments, "chat started", merges) carry no message bubble; notes are tagged.
  if (!bubble) return null;
  const sender = cleanName(firstText(comment, selectors.sender));
  const speaker = speakerOf(comment, bubble, customerName, sender);
  if (speaker === 'skip') return null;
  const body = first(bubble, selectors.body) ?? bubble;
  const text = messageText(body);
  if (!text) return null;
  const at = looseTimeOf(first(comment, selectors.time));
  return { message: { speaker, text, at }, sender, via: firstText(comment, [selectors.via]) };
}

function channelOf(comments: ReadComment[], pane: ParentNode): Channel | null {
  const fromCustomer = [...comments].reverse().find((c) => c.message.speaker === 'customer' && c.via);
  const fromAny = [...comments].reverse().find((c) => c.via);
  const fromLog = channelFromLabel(fromCustomer?.via ?? fromAny?.via);
  if (fromLog) return fromLog;
  return channelFromLabel(first(pane, [selectors.channelSwitcher])?.getAttribute('data-channel'));
}

function assigneeName(pane: ParentNode): string | null {
  // The assignee field reads "Group/Agent" when both are set.
  const raw = firstText(pane, selectors.assignee);
  return cleanName(raw?.split('/').pop() ?? null);
}

function read(doc: Document): ConversationReading | null {
  const pane = activePane(doc);
  if (!pane) return null;
  const log = first(pane.root, [selectors.log]) ?? pane.root;
  const requester = cleanName(firstText(pane.root, selectors.requester));
  const comments = all(log, selectors.comment)
    .filter((comment, _i, list) => !list.some((other) => other !== comment && other.contains(comment)))
    .map((comment) => safely(() => readComment(comment, requester), null))
    .filter((c): c is ReadComment => c !== null);

  const subject = firstFieldValue(pane.root, selectors.subject) ?? pane.tabTitle;
  if (comments.length === 0 && !subject && !pane.ticketId) return null;

  const customerName = requester ?? comments.find((c) => c.message.speaker === 'customer')?.sender ?? null;
  const agentName = assigneeName(pane.root) ?? [...comments].reverse().find((c) => c.message.speaker === 'agent')?.sender ?? null;
  return {
    messages: oldestFirst(comments.map((c) => c.message), 'oldest-first'),
    ticketId: pane.ticketId,
    subject,
    customerName,
    agentName,
    channel: channelOf(comments, pane.root),
    certainty: 'adapter',
  };
}

function findEditor(doc: Document): HTMLElement | null {
  const pane = activePane(doc);
  if (!pane) return null;
  const found = first(pane.root, selectors.editor);
  if (!found) return null;
  if (found.getAttribute('contenteditable') === 'true') return found as HTMLElement;
  return (found.querySelector(selectors.editable) as HTMLElement | null) ?? (found as HTMLElement);
}

export const zendeskAdapter: SiteAdapter = {
  id: 'zendesk',
  label: 'Zendesk',
  detect: (url, doc) => safely(() => hostIs(url, ['zendesk.com']) && first(doc, selectors.workspaceMarkers) !== null, false),
  read: (doc) => safely(() => read(doc), null),
  findEditor: (doc) => safely(() => findEditor(doc), null),
  conversationRoot: (doc) =>
    safely(() => {
      const pane = activePane(doc);
      if (!pane) return null;
      return pane.root instanceof Element ? pane.root : first(doc, [selectors.log]);
    }, null),
};

/*
 * Modelled on (public sources, read for facts, no code taken):
 * - Zendesk help center: "About the Zendesk Agent Workspace", "Using the ticket tabs", "Adding internal notes"
 *   (several tickets open as tabs, internal notes in the same log as public replies, the omnichannel composer).
 * - data-test-id names seen in public userscripts and extensions that read the workspace: omni-log-container,
 *   omni-log-comment-item, omni-log-item-message[type=end-user|agent], omni-log-message-content,
 *   omni-log-item-sender, omni-log-item-via, omni-log-internal-note-tag, omni-log-avatar-badge-AgentBadge,
 *   time[data-test-id=timestamp-relative], omni-header-subject (an <input>), header-tab with data-entity-id /
 *   data-entity-is-selected, ticket-{id}-standard-layout[data-is-active], data-side-conversations-anchor-id,
 *   ticket-system-field-requester-select, assignee-field-selected-agent-tag,
 *   omnichannel-channel-switcher-button[data-channel], omnicomposer-rich-text-ckeditor.
 * - CKEditor 5 documentation for the editable's rendered markup (.ck-editor__editable, role="textbox").
 * - /work/shared/field-notes.md.
 */
