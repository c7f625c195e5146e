import { describe, expect, it } from 'vitest';
import { ConversationTracker, type Turn } from '../../../scripts-library/stage/index';
import { tickets, type DemoTicket } from '../../demo-helpdesk/conversations.js';

/** The ticket's messages as the side panel receives them: internal notes and system events are not turns. */
function turnsOf(ticket: DemoTicket): Turn[] {
  return ticket.messages
    .filter((m) => m.from === 'customer' || m.from === 'agent')
    .map((m) => ({ speaker: m.from as Turn['speaker'], text: m.text, at: new Date(m.at).toISOString() }));
}

describe('panel stage on the demo helpdesk tickets', () => {
  it.each(tickets.map((t) => [t.id, t.subject, t] as const))('ticket %s (%s): the stage for the next reply', (_id, _subject, ticket) => {
    const tracker = new ConversationTracker({ langHint: ticket.customer.language });
    tracker.update(turnsOf(ticket));
    expect(ticket.expectedStages).toContain(tracker.panelStage().stage);
  });

  const continuations = tickets.flatMap((ticket) =>
    ticket.cannedReplies.map((reply, index) => [ticket.id, index + 1, ticket, index] as const),
  );
  it.each(continuations)('ticket %s after canned reply %i', (_id, _n, ticket, index) => {
    // "Simulate customer reply" appends the canned replies in order, a couple of minutes apart.
    const turns = turnsOf(ticket);
    let at = Date.parse(turns[turns.length - 1]?.at ?? ticket.messages[0]?.at ?? '2026-11-20T10:00:00Z');
    for (const reply of ticket.cannedReplies.slice(0, index + 1)) {
      at += 2 * 60_000;
      turns.push({ speaker: 'customer', text: reply.text, at: new Date(at).toISOString() });
    }
    const tracker = new ConversationTracker({ langHint: ticket.customer.language });
    tracker.update(turns);
    const expected = ticket.cannedReplies[index]?.expectedStages ?? [];
    expect(expected).toContain(tracker.panelStage().stage);
  });
});
