import { describe, expect, it } from 'vitest';
import type { ConversationSnapshot } from '@/scripts-library/schemas';
import { templateValuesFor } from '@/scripts-library/template-values';

const snapshot: ConversationSnapshot = {
  site: 'demo',
  url: 'http://127.0.0.1/',
  ticketId: '7',
  subject: 'Late order',
  customerName: 'Meera Iyer',
  agentName: 'Priya Sharma',
  channel: 'chat',
  messages: [],
  hasEditor: true,
  certainty: 'adapter',
};

describe('templateValuesFor', () => {
  it('derives first names and ticket details from the reading', () => {
    expect(templateValuesFor(snapshot)).toMatchObject({
      'customer.name': 'Meera Iyer',
      'customer.firstName': 'Meera',
      'agent.firstName': 'Priya',
      'ticket.id': '7',
      'ticket.subject': 'Late order',
    });
  });
  it('leaves what the page did not show empty, and takes extra values', () => {
    const values = templateValuesFor(null, { today: '22 Nov' });
    expect(values['customer.firstName']).toBeNull();
    expect(values.today).toBe('22 Nov');
  });
  it('never takes an email address for a first name', () => {
    expect(templateValuesFor({ ...snapshot, customerName: 'meera@example.com' })['customer.firstName']).toBeNull();
  });
});
