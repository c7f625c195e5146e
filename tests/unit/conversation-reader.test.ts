// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '@/entrypoints/content/adapters/types';
import { pickAdapter, readSnapshot, snapshotKey } from '@/entrypoints/content/conversation-reader';

const url = new URL('https://help.example.com/tickets/1');

function adapter(id: string, fields: Partial<SiteAdapter> = {}): SiteAdapter {
  return {
    id,
    label: id,
    detect: () => true,
    read: () => ({
      ticketId: '1',
      subject: 'S',
      customerName: 'Asha',
      agentName: null,
      channel: 'chat',
      certainty: 'adapter',
      messages: [{ speaker: 'customer', text: 'Hello', at: null }],
    }),
    findEditor: () => null,
    ...fields,
  };
}

describe('pickAdapter', () => {
  it('takes the first adapter that recognises the page, skipping ones that throw', () => {
    const throwing = adapter('broken', { detect: () => { throw new Error('odd markup'); } });
    const no = adapter('no', { detect: () => false });
    expect(pickAdapter([throwing, no, adapter('yes'), adapter('later')], url, document)?.id).toBe('yes');
    expect(pickAdapter([no], url, document)).toBeNull();
  });
});

describe('readSnapshot', () => {
  it('adds site, url and whether an editor exists', () => {
    const editor = document.createElement('textarea');
    const snapshot = readSnapshot(adapter('x', { findEditor: () => editor }), url, document);
    expect(snapshot).toMatchObject({ site: 'x', url: url.href, hasEditor: true, customerName: 'Asha' });
  });
  it('turns an adapter that throws into "no conversation" instead of an error in the page', () => {
    expect(readSnapshot(adapter('x', { read: () => { throw new TypeError('null has no properties'); } }), url, document)).toBeNull();
    expect(readSnapshot(adapter('x', { read: () => null }), url, document)).toBeNull();
  });
});

describe('snapshotKey', () => {
  it('changes when a message is added or edited, not otherwise', () => {
    const base = readSnapshot(adapter('x'), url, document)!;
    const same = readSnapshot(adapter('x'), url, document)!;
    expect(snapshotKey(base)).toBe(snapshotKey(same));
    const added = { ...base, messages: [...base.messages, { speaker: 'agent' as const, text: 'Hi!', at: null }] };
    expect(snapshotKey(added)).not.toBe(snapshotKey(base));
    const edited = { ...base, messages: [{ speaker: 'customer' as const, text: 'Hellp', at: null }] };
    expect(snapshotKey(edited)).not.toBe(snapshotKey(base));
    expect(snapshotKey(null)).toBe('none');
  });
});
