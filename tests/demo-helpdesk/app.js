// The demo helpdesk's agent view: a ticket list, the open conversation, a reply box and the customer's details.
// Plain DOM code on purpose: the page must look and behave like a real helpdesk (in-page navigation, live appends,
// a ticking clock) without a build step, so the extension can be shown and tested against it.

import { accountTimeZone, agent, demoNow, languageNames, tickets as sampleTickets } from './conversations.js';

/** How long the fake customer "types" before a simulated reply lands. */
const TYPING_MS = 900;

// Times in the sample data are shifted so the newest message is always a couple of minutes old; sending then uses the
// real clock and the conversation's gaps stay believable. `?clock=fixed` keeps the written times (saved fixtures).
const loadedAt = Date.now();
const fixedClock = new URLSearchParams(location.search).get('clock') === 'fixed';
const shiftMs = fixedClock ? 0 : loadedAt - Date.parse(demoNow);
const clockNow = () => Date.parse(demoNow) + shiftMs + (Date.now() - loadedAt);
const shiftTime = (iso) => new Date(Date.parse(iso) + shiftMs).toISOString();

const STATUS_LABELS = { open: 'Open', pending: 'Pending', solved: 'Solved' };

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: accountTimeZone, hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat('en-GB', { timeZone: accountTimeZone, dateStyle: 'full', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: accountTimeZone, weekday: 'long', day: 'numeric', month: 'long' });
const shortDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: accountTimeZone, day: 'numeric', month: 'short' });
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: accountTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const monthYearFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' });
const orderDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** Working copies: the page mutates these as the agent sends and the customer "replies". */
const tickets = new Map(
  sampleTickets.map((ticket, index) => [
    ticket.id,
    {
      ...ticket,
      messages: ticket.messages.map((entry, entryIndex) => ({ ...entry, id: `${ticket.id}-${entryIndex + 1}`, at: shiftTime(entry.at) })),
      nextCanned: 0,
      nextEntryNumber: ticket.messages.length + 1,
      // Staggered so each customer shows a different "last seen" that keeps ticking.
      lastSeenAt: loadedAt - (12 + index * 7) * 1000,
    },
  ]),
);
/** Unsent text per ticket, kept when the agent switches tickets (as real helpdesks keep drafts). */
const drafts = new Map();
let currentTicketId = null;
let searchText = '';

const $ = (selector) => document.querySelector(selector);
const el = {
  ticketList: $('[data-ticket-list]'),
  openCount: $('[data-field="open-count"]'),
  emptyState: $('[data-empty-state]'),
  conversation: $('[data-conversation-root]'),
  subject: $('[data-field="subject"]'),
  ticketId: $('[data-field="ticket-id"]'),
  requesterName: $('[data-field="requester-name"]'),
  requesterEmail: $('[data-field="requester-email"]'),
  channel: $('[data-field="channel"]'),
  status: $('[data-action="status"]'),
  log: $('[data-message-log]'),
  typing: $('[data-typing-indicator]'),
  typingText: $('[data-field="typing-text"]'),
  composer: $('[data-composer]'),
  replyBox: $('[data-field="reply-box"]'),
  send: $('[data-action="send"]'),
  simulate: $('[data-action="simulate-customer-reply"]'),
  hint: $('[data-field="composer-hint"]'),
  search: $('[data-action="search"]'),
  customerPanel: $('[data-customer-panel]'),
  customerInitials: $('[data-field="customer-initials"]'),
  customerName: $('[data-field="customer-name"]'),
  lastSeen: $('[data-field="last-seen"]'),
  customerEmail: $('[data-field="customer-email"]'),
  customerLanguage: $('[data-field="customer-language"]'),
  customerPlan: $('[data-field="customer-plan"]'),
  customerLocation: $('[data-field="customer-location"]'),
  customerSince: $('[data-field="customer-since"]'),
  orders: $('[data-field="orders"]'),
};

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function initials(name) {
  const words = name.trim().split(/\s+/);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase();
}

const dayKey = (ms) => dayKeyFormat.format(ms);

function dayLabel(ms) {
  const today = clockNow();
  if (dayKey(ms) === dayKey(today)) return 'Today';
  if (dayKey(ms) === dayKey(today - 86_400_000)) return 'Yesterday';
  return dayFormat.format(ms);
}

function lastActivity(ticket) {
  const last = ticket.messages[ticket.messages.length - 1];
  return last ? Date.parse(last.at) : 0;
}

function timeAgo(ms) {
  const seconds = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  return `${Math.floor(minutes / 60)}h ago`;
}

/** Paragraphs become `<p>`, single line breaks `<br>`, as helpdesks render mail and chat bodies. */
function renderBody(text) {
  return text.split(/\n{2,}/).map((paragraph) => {
    const p = h('p');
    paragraph.split('\n').forEach((line, index) => {
      if (index > 0) p.append(h('br'));
      p.append(line);
    });
    return p;
  });
}

function renderTime(iso) {
  const ms = Date.parse(iso);
  return h('time', { datetime: new Date(ms).toISOString(), title: fullFormat.format(ms) }, timeFormat.format(ms));
}

function renderEntry(ticket, entry) {
  if (entry.from === 'system') {
    return h(
      'li',
      { class: 'log-entry log-entry--system', 'data-event-id': entry.id, 'data-author-role': 'system' },
      h('span', { class: 'system-event' }, h('span', { class: 'system-event-text' }, entry.text), ' · ', renderTime(entry.at)),
    );
  }
  const isNote = entry.from === 'note';
  const isAgent = entry.from === 'agent' || isNote;
  const author = entry.author ?? (isAgent ? agent.name : ticket.customer.name);
  return h(
    'li',
    {
      class: `log-entry log-entry--${entry.from}`,
      'data-message-id': entry.id,
      'data-author-role': entry.from,
    },
    h('span', { class: `avatar ${isAgent ? 'avatar--agent' : 'avatar--customer'}`, 'aria-hidden': 'true' }, initials(author)),
    h(
      'article',
      { class: 'message' },
      h(
        'header',
        { class: 'message-meta' },
        h('span', { class: 'message-author', 'data-field': 'author' }, author),
        isNote ? h('span', { class: 'note-label' }, 'Internal note') : null,
        renderTime(entry.at),
      ),
      h('div', { class: 'message-body', 'data-field': 'message-body' }, ...renderBody(entry.text)),
    ),
  );
}

function renderDayDivider(ms) {
  return h('li', { class: 'day-divider', role: 'separator' }, h('span', {}, dayLabel(ms)));
}

function renderTicketList() {
  const query = searchText.trim().toLowerCase();
  const sorted = [...tickets.values()].sort((a, b) => lastActivity(b) - lastActivity(a));
  const shown = query
    ? sorted.filter((t) => `${t.id} ${t.subject} ${t.customer.name} ${t.customer.email}`.toLowerCase().includes(query))
    : sorted;
  el.ticketList.replaceChildren(
    ...shown.map((ticket) => {
      const activity = lastActivity(ticket);
      const isToday = dayKey(activity) === dayKey(clockNow());
      return h(
        'li',
        {},
        h(
          'a',
          {
            class: `ticket-item${ticket.unread ? ' is-unread' : ''}`,
            href: `?ticket=${encodeURIComponent(ticket.id)}`,
            'data-ticket-id': ticket.id,
            'aria-current': ticket.id === currentTicketId ? 'page' : null,
          },
          h('span', { class: 'avatar avatar--customer', 'aria-hidden': 'true' }, initials(ticket.customer.name)),
          h(
            'span',
            { class: 'ticket-item-main' },
            h(
              'span',
              { class: 'ticket-item-top' },
              h('span', { class: 'ticket-item-customer' }, ticket.customer.name),
              h('span', { class: 'ticket-item-time' }, isToday ? timeFormat.format(activity) : shortDayFormat.format(activity)),
            ),
            h('span', { class: 'ticket-item-subject' }, ticket.subject),
            h(
              'span',
              { class: 'ticket-item-bottom' },
              h('span', { class: `status-pill status-pill--${ticket.status}` }, STATUS_LABELS[ticket.status]),
              h('span', { class: 'ticket-item-channel' }, ticket.channel === 'email' ? 'Email' : 'Chat'),
              h('span', { class: 'ticket-item-number' }, `#${ticket.id}`),
              ticket.unread ? h('span', { class: 'unread-dot', title: 'Unread' }, h('span', { class: 'visually-hidden' }, 'Unread')) : null,
            ),
          ),
        ),
      );
    }),
  );
  const open = [...tickets.values()].filter((t) => t.status !== 'solved').length;
  el.openCount.textContent = String(open);
}

function renderConversation(ticket) {
  el.conversation.dataset.ticketId = ticket.id;
  el.conversation.dataset.channel = ticket.channel;
  el.subject.textContent = ticket.subject;
  el.ticketId.textContent = `#${ticket.id}`;
  el.requesterName.textContent = ticket.customer.name;
  el.requesterEmail.textContent = `<${ticket.customer.email}>`;
  el.channel.textContent = ticket.channel === 'email' ? 'Email' : 'Chat';
  el.channel.dataset.channel = ticket.channel;
  el.status.value = ticket.status;
  el.log.lang = ticket.customer.language;
  const items = [];
  let previousDay = null;
  for (const entry of ticket.messages) {
    const ms = Date.parse(entry.at);
    if (dayKey(ms) !== previousDay) items.push(renderDayDivider(ms));
    previousDay = dayKey(ms);
    items.push(renderEntry(ticket, entry));
  }
  el.log.replaceChildren(...items);
  scrollLogToEnd();
}

function renderCustomer(ticket) {
  const { customer } = ticket;
  el.customerInitials.textContent = initials(customer.name);
  el.customerName.textContent = customer.name;
  el.customerEmail.textContent = customer.email;
  el.customerLanguage.textContent = languageNames[customer.language] ?? customer.language;
  el.customerPlan.textContent = customer.plan;
  el.customerLocation.textContent = customer.location;
  el.customerSince.textContent = monthYearFormat.format(Date.parse(customer.customerSince));
  el.orders.replaceChildren(
    ...customer.orders.map((order) =>
      h(
        'li',
        { class: 'order' },
        h('span', { class: 'order-top' }, h('span', { class: 'order-id' }, order.id), h('span', { class: 'order-total' }, order.total)),
        h('span', { class: 'order-item' }, order.item),
        h('span', { class: 'order-bottom' }, orderDateFormat.format(Date.parse(order.date)), ' · ', order.status),
      ),
    ),
  );
  tickLastSeen();
}

function tickLastSeen() {
  const ticket = currentTicketId ? tickets.get(currentTicketId) : null;
  if (ticket) el.lastSeen.textContent = `Last seen ${timeAgo(ticket.lastSeenAt)}`;
}

function renderComposerState(ticket) {
  const cannedLeft = ticket.cannedReplies.length - ticket.nextCanned;
  el.simulate.disabled = cannedLeft <= 0;
  el.simulate.title = cannedLeft > 0 ? `${cannedLeft} sample repl${cannedLeft === 1 ? 'y' : 'ies'} left for this ticket` : 'No more sample replies for this ticket';
}

function scrollLogToEnd() {
  el.log.scrollTop = el.log.scrollHeight;
}

function openTicket(id) {
  if (currentTicketId && currentTicketId !== id) drafts.set(currentTicketId, el.replyBox.value);
  const ticket = id ? tickets.get(id) : undefined;
  currentTicketId = ticket ? ticket.id : null;
  el.hint.textContent = '';
  el.typing.hidden = true;
  if (!ticket) {
    el.conversation.hidden = true;
    delete el.conversation.dataset.ticketId;
    delete el.conversation.dataset.channel;
    el.log.replaceChildren();
    el.emptyState.hidden = false;
    el.composer.hidden = true;
    el.customerPanel.hidden = true;
    document.title = 'Inbox · Acme Support';
    renderTicketList();
    return;
  }
  ticket.unread = false;
  el.emptyState.hidden = true;
  el.conversation.hidden = false;
  el.composer.hidden = false;
  el.customerPanel.hidden = false;
  el.replyBox.value = drafts.get(ticket.id) ?? '';
  document.title = `${ticket.subject} · Acme Support`;
  renderConversation(ticket);
  renderCustomer(ticket);
  renderComposerState(ticket);
  renderTicketList();
}

/** Adds an entry to a ticket, and to the page only if that ticket is open: live updates touch just the new nodes. */
function appendEntry(ticket, entry) {
  const previous = ticket.messages[ticket.messages.length - 1];
  const stored = { ...entry, id: `${ticket.id}-${ticket.nextEntryNumber++}` };
  ticket.messages.push(stored);
  if (ticket.id === currentTicketId) {
    const ms = Date.parse(stored.at);
    if (!previous || dayKey(Date.parse(previous.at)) !== dayKey(ms)) el.log.append(renderDayDivider(ms));
    el.log.append(renderEntry(ticket, stored));
    scrollLogToEnd();
  } else if (entry.from === 'customer') {
    ticket.unread = true;
  }
  renderTicketList();
}

function setStatus(ticket, status, reason = '') {
  if (ticket.status === status) return;
  ticket.status = status;
  if (ticket.id === currentTicketId) el.status.value = status;
  appendEntry(ticket, { from: 'system', text: `Status changed to ${STATUS_LABELS[status]}${reason}`, at: new Date(clockNow()).toISOString() });
}

function ticketIdFromLocation() {
  const fromHash = /^#ticket-(.+)$/.exec(location.hash);
  if (fromHash) return decodeURIComponent(fromHash[1]);
  const fromQuery = new URLSearchParams(location.search).get('ticket');
  if (fromQuery) return fromQuery;
  return [...tickets.values()].sort((a, b) => lastActivity(b) - lastActivity(a))[0]?.id ?? null;
}

function navigateTo(id) {
  const url = new URL(location.href);
  url.searchParams.set('ticket', id);
  url.hash = '';
  history.pushState({ ticket: id }, '', url);
  openTicket(id);
}

el.ticketList.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-ticket-id]');
  // Modified clicks keep their browser meaning (new tab, new window).
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  if (link.dataset.ticketId !== currentTicketId) navigateTo(link.dataset.ticketId);
});

window.addEventListener('popstate', () => openTicket(ticketIdFromLocation()));
window.addEventListener('hashchange', () => openTicket(ticketIdFromLocation()));

el.search.addEventListener('input', () => {
  searchText = el.search.value;
  renderTicketList();
});

el.status.addEventListener('change', () => {
  const ticket = tickets.get(currentTicketId);
  if (ticket) setStatus(ticket, el.status.value);
});

el.composer.addEventListener('click', (event) => {
  const tab = event.target.closest('[data-mode]');
  if (!tab) return;
  const mode = tab.dataset.mode;
  el.composer.dataset.composerMode = mode;
  for (const other of el.composer.querySelectorAll('[data-mode]')) other.setAttribute('aria-selected', String(other === tab));
  el.send.textContent = mode === 'note' ? 'Add note' : 'Send';
  el.replyBox.placeholder = mode === 'note' ? 'Write a note only your team can see…' : 'Write your reply…  (Ctrl+Enter to send)';
  el.replyBox.focus();
});

el.replyBox.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    el.composer.requestSubmit();
  }
});

el.replyBox.addEventListener('input', () => {
  el.hint.textContent = '';
});

el.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const ticket = tickets.get(currentTicketId);
  const text = el.replyBox.value.trim();
  if (!ticket) return;
  if (!text) {
    el.hint.textContent = 'Write a reply first.';
    return;
  }
  const asNote = el.composer.dataset.composerMode === 'note';
  appendEntry(ticket, { from: asNote ? 'note' : 'agent', author: agent.name, text, at: new Date(clockNow()).toISOString() });
  el.replyBox.value = '';
  drafts.delete(ticket.id);
  el.hint.textContent = asNote ? 'Note added.' : 'Sent.';
  el.replyBox.focus();
});

el.simulate.addEventListener('click', () => {
  const ticket = tickets.get(currentTicketId);
  const canned = ticket?.cannedReplies[ticket.nextCanned];
  if (!ticket || !canned) return;
  ticket.nextCanned += 1;
  el.simulate.disabled = true;
  el.typingText.textContent = `${ticket.customer.name.split(' ')[0]} is typing…`;
  el.typing.hidden = false;
  setTimeout(() => {
    // The agent may have switched tickets meanwhile: the reply still belongs to the ticket it was typed in.
    if (ticket.id === currentTicketId) el.typing.hidden = true;
    ticket.lastSeenAt = Date.now();
    appendEntry(ticket, { from: 'customer', author: ticket.customer.name, text: canned.text, at: new Date(clockNow()).toISOString() });
    if (ticket.status !== 'open') setStatus(ticket, 'open', ' (customer replied)');
    if (ticket.id === currentTicketId) renderComposerState(ticket);
  }, TYPING_MS);
});

// Page churn outside the conversation, as on real helpdesks: a presence clock that ticks every second.
setInterval(tickLastSeen, 1000);

openTicket(ticketIdFromLocation());
