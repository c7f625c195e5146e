import { describe, expect, it } from 'vitest';
import type { ConversationSnapshot, Script } from '@/scripts-library/schemas';
import { replyLanguagesFor, suggestScripts, templateValuesFor } from '@/scripts-library/suggestions';

function script(id: string, fields: Partial<Script> = {}): Script {
  return {
    id,
    stage: 'recovery',
    kind: 'empathy',
    lang: 'en',
    title: id,
    text: `Text ${id} for {{customer.firstName|you}}`,
    tags: [],
    channel: 'any',
    packId: 'default',
    locked: false,
    version: 1,
    editedLocally: false,
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

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

describe('suggestScripts', () => {
  it('keeps to the stage and puts apologies first in recovery', () => {
    const out = suggestScripts(
      [script('b-empathy'), script('a-apology', { kind: 'apology' }), script('closing', { stage: 'closing', kind: 'gratitude' })],
      { stage: 'recovery', lang: 'en', snapshot },
    );
    expect(out.map((s) => s.script.id)).toEqual(['a-apology', 'b-empathy']);
  });

  it('fills in the customer’s first name', () => {
    const [first] = suggestScripts([script('x')], { stage: 'recovery', lang: 'en', snapshot });
    expect(first?.rendered.text).toBe('Text x for Meera');
  });

  it('uses the conversation’s language, then its other script, then English', () => {
    const library = [script('en'), script('hi', { lang: 'hi' }), script('hil', { lang: 'hi-Latn' })];
    expect(suggestScripts(library, { stage: 'recovery', lang: 'hi-Latn', snapshot }).map((s) => s.script.lang)).toEqual(['hi-Latn']);
    expect(suggestScripts(library.slice(0, 2), { stage: 'recovery', lang: 'hi-Latn', snapshot }).map((s) => s.script.lang)).toEqual(['hi']);
    expect(suggestScripts(library, { stage: 'recovery', lang: 'ta', snapshot }).map((s) => s.script.lang)).toEqual(['en']);
  });

  it('leaves out email-only scripts in a chat, and puts scripts already sent last', () => {
    const library = [script('email', { channel: 'email' }), script('sent'), script('fresh')];
    const out = suggestScripts(library, {
      stage: 'recovery',
      lang: 'en',
      snapshot,
      usedTexts: new Set(['Text sent for {{customer.firstName|you}}']),
    });
    expect(out.map((s) => s.script.id)).toEqual(['fresh', 'sent']);
  });

  it('limits the number of suggestions', () => {
    const many = Array.from({ length: 20 }, (_, i) => script(`s${String(i).padStart(2, '0')}`));
    expect(suggestScripts(many, { stage: 'recovery', lang: 'en', snapshot, limit: 5 })).toHaveLength(5);
  });
});

describe('replyLanguagesFor / templateValuesFor', () => {
  it('orders reply languages', () => {
    expect(replyLanguagesFor('te-Latn')).toEqual(['te-Latn', 'te', 'en']);
    expect(replyLanguagesFor('es')).toEqual(['es', 'en']);
  });
  it('derives first names and leaves unknowns empty', () => {
    expect(templateValuesFor(snapshot)).toMatchObject({ 'customer.firstName': 'Meera', 'agent.firstName': 'Priya', 'ticket.id': '7' });
    expect(templateValuesFor(null)['customer.firstName']).toBeNull();
  });
});
