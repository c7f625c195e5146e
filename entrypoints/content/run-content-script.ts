import { ContentRequest, type InsertResult } from '@/scripts-library/content-requests';
import type { SnapshotMessage } from '@/scripts-library/messages';
import type { ConversationSnapshot } from '@/scripts-library/schemas';
import type { SiteAdapter } from './adapters/types';
import { pickAdapter, readSnapshot, snapshotKey } from './conversation-reader';
import { insertIntoEditor, watchFocusedEditables, type EditableElement } from './editor-insert';
import { startPalette } from './palette';
import type { Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Reading is throttled, not debounced: after a quiet spell the first change is read almost at once (a frame later, so
 * the page finishes its own DOM work), then at most one read per interval while changes keep coming. A steady stream
 * of changes can delay a read by one interval at most; it can never starve it.
 */
const READ_INTERVAL_MS = 150;
const SETTLE_MS = 16;
/** Until some adapter recognises the page (single-page helpdesks render after load), look again at this pace. */
const SEARCH_INTERVAL_MS = 600;

/**
 * The content script's life on a page, shared by its bundles: pick the adapter, read on change (throttled, scoped to
 * the conversation), send snapshots to the background, and insert into the reply editor when the panel asks.
 * Everything is tied to `ctx`, so an extension update leaves no observers or listeners behind.
 */
export function runContentScript(ctx: ContentScriptContext, adapters: readonly SiteAdapter[]): void {
  let adapter: SiteAdapter | null = null;
  let observedRoot: Node | null = null;
  let lastKey: string | null = null;
  let lastSnapshot: ConversationSnapshot | null = null;
  let readTimer: number | null = null;
  let lastReadAt = -Infinity;
  let lastEditor: EditableElement | null = null;
  // Counters for the benchmarks and the reliability tests (read through the DevTools protocol). They live in the
  // extension's isolated world, which the host page cannot see. `detached` turns true when an update or reload cut
  // this copy off and it let go of everything it had attached.
  const stats = { reads: 0, readMs: 0, snapshotsSent: 0, mutationCallbacks: 0, detached: false };
  (globalThis as { agentAssistContentStats?: typeof stats }).agentAssistContentStats = stats;

  // Observes only the conversation's root when the adapter names one, so clocks and presence dots elsewhere in
  // the page never wake us; an idle page costs nothing at all.
  const observer = new MutationObserver(() => {
    stats.mutationCallbacks++;
    scheduleRead();
  });
  ctx.onInvalidated(() => observer.disconnect());

  function scheduleRead(): void {
    if (readTimer !== null) return;
    const interval = adapter ? READ_INTERVAL_MS : SEARCH_INTERVAL_MS;
    const wait = Math.max(SETTLE_MS, lastReadAt + interval - performance.now());
    readTimer = ctx.setTimeout(() => {
      readTimer = null;
      readAndSend();
    }, wait);
  }

  function observe(): void {
    const root = (adapter?.conversationRoot?.(document) ?? null) || document.body;
    if (root === observedRoot) return;
    observer.disconnect();
    observedRoot = root;
    if (root) observer.observe(root, { childList: true, subtree: true, characterData: true });
    // The conversation root itself can be replaced when the helpdesk swaps tickets: watch its parent's children.
    if (root && root !== document.body && root.parentNode) observer.observe(root.parentNode, { childList: true });
  }

  function readAndSend(): void {
    if (ctx.isInvalid) return;
    const changed = readConversation();
    if (changed) send(lastSnapshot);
  }

  /** Reads the page; returns whether what the panel would show changed since the last read. */
  function readConversation(): boolean {
    const started = performance.now();
    lastReadAt = started;
    const url = new URL(location.href);
    // The adapter that recognised the page keeps it while it still reads a conversation: detection decides which
    // reader fits, not whether the conversation is still there. (The generic reader's detection asks for a reply
    // box, and an agent closing the composer has not left the conversation.) Navigation starts over.
    let snapshot = adapter ? readSnapshot(adapter, url, document) : null;
    if (!snapshot) {
      // Another reader may fit now; the same one need not read the same page twice.
      const picked = pickAdapter(adapters, url, document);
      if (picked !== adapter) snapshot = picked ? readSnapshot(picked, url, document) : null;
      adapter = picked;
    }
    observe();
    stats.reads++;
    stats.readMs += performance.now() - started;
    const key = snapshotKey(snapshot);
    if (key === lastKey) return false;
    lastKey = key;
    lastSnapshot = snapshot;
    return true;
  }

  function send(snapshot: ConversationSnapshot | null): void {
    const message: SnapshotMessage = { type: 'snapshot', snapshot };
    stats.snapshotsSent++;
    // The background may be asleep or reloading; it asks again when it needs the state.
    browser.runtime.sendMessage(message).catch(() => {});
  }

  ctx.onInvalidated(
    watchFocusedEditables(window, (editable) => {
      lastEditor = editable;
    }),
  );

  startPalette(ctx, () => (lastEditor?.isConnected ? lastEditor : ((adapter?.findEditor(document) as EditableElement | null) ?? null)));

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    adapter = null;
    // A new ticket is read at once, not after the slower pace of looking for an unknown page.
    lastReadAt = -Infinity;
    scheduleRead();
  });

  const onRequest = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (response: unknown) => void) => {
    // Requests come from the extension's own pages and worker only; anything unparseable is not for us.
    if (ctx.isInvalid || sender.id !== browser.runtime.id) return false;
    const parsed = ContentRequest.safeParse(raw);
    if (!parsed.success) return false;
    const request = parsed.data;
    if (request.type === 'read-now') {
      // The answer carries the reading: sending it as a snapshot message too would make the background store and
      // broadcast it twice.
      readConversation();
      sendResponse({ type: 'snapshot', snapshot: lastSnapshot } satisfies SnapshotMessage);
      return false;
    }
    insert(request.text, request.cursor).then(sendResponse, () =>
      sendResponse({ ok: false, strategy: null, reason: 'rejected' } satisfies InsertResult),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(onRequest);
  ctx.onInvalidated(() => {
    // After an update the old runtime may already be gone; there is then nothing left to remove the listener from.
    try {
      browser.runtime.onMessage.removeListener(onRequest);
    } catch {
      // Cut off from the extension: the listener can never fire again.
    }
    stats.detached = true;
  });

  async function insert(text: string, cursor: number | null): Promise<InsertResult> {
    const hadEditor = lastEditor !== null;
    let editor = lastEditor?.isConnected ? lastEditor : null;
    if (!editor) editor = (adapter?.findEditor(document) as EditableElement | null) ?? null;
    if (!editor) return { ok: false, strategy: null, reason: hadEditor ? 'editor-gone' : 'no-editor' };
    lastEditor = editor;
    const outcome = await insertIntoEditor(editor, text, cursor);
    return { ok: outcome.ok, strategy: outcome.strategy, reason: outcome.ok ? null : 'rejected' };
  }

  readAndSend();
}
