import type { ConversationSnapshot } from '@/scripts-library/schemas';
import type { SiteAdapter } from './adapters/types';

/**
 * Picks the adapter for this page and reads its conversation into a snapshot. Adapters are tried specific-first;
 * the generic reader comes last. An adapter that throws on odd markup is treated as "not this page": the host page
 * never sees the exception.
 */
export function pickAdapter(adapters: readonly SiteAdapter[], url: URL, doc: Document): SiteAdapter | null {
  for (const adapter of adapters) {
    try {
      if (adapter.detect(url, doc)) return adapter;
    } catch {
      // A detect that throws is a page this adapter does not understand.
    }
  }
  return null;
}

export function readSnapshot(adapter: SiteAdapter, url: URL, doc: Document): ConversationSnapshot | null {
  try {
    const reading = adapter.read(doc);
    if (!reading) return null;
    return {
      ...reading,
      site: adapter.id,
      url: url.href,
      hasEditor: adapter.findEditor(doc) !== null,
    };
  } catch {
    return null;
  }
}

/** A cheap identity of what the panel would show: unchanged snapshots are not sent again. */
export function snapshotKey(snapshot: ConversationSnapshot | null): string {
  if (!snapshot) return 'none';
  const last = snapshot.messages[snapshot.messages.length - 1];
  let hash = 0;
  for (const message of snapshot.messages) {
    const text = message.speaker + message.text;
    for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  }
  return [
    snapshot.site,
    snapshot.ticketId,
    snapshot.subject,
    snapshot.customerName,
    snapshot.agentName,
    snapshot.channel,
    snapshot.hasEditor,
    snapshot.messages.length,
    last?.at,
    hash,
  ].join('\u0001');
}
