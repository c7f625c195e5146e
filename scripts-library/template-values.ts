import type { ConversationSnapshot } from './schemas';
import { firstNameOf, type TemplateValues } from './template';

/** Variables a template can use, from what the adapter read; `extra` adds or overrides (today's date, company). */
export function templateValuesFor(snapshot: ConversationSnapshot | null, extra: TemplateValues = {}): TemplateValues {
  return {
    'customer.name': snapshot?.customerName ?? null,
    'customer.firstName': firstNameOf(snapshot?.customerName),
    'agent.name': snapshot?.agentName ?? null,
    'agent.firstName': firstNameOf(snapshot?.agentName),
    'ticket.id': snapshot?.ticketId ?? null,
    'ticket.subject': snapshot?.subject ?? null,
    ...extra,
  };
}
