import type { Browser } from 'wxt/browser';
import {
  ContentRequest,
  PANEL_PORT_NAME,
  SnapshotMessage,
  WatchTabMessage,
  type TabState,
  type TabStateMessage,
} from '@/scripts-library/messages';
import type { ConversationSnapshot } from '@/scripts-library/schemas';

type Port = Browser.runtime.Port;

/**
 * Keeps what each tab's content script last read and relays it to the panels watching that tab.
 * The service worker may be stopped at any moment, so the state also lives in `storage.session` (kept while the
 * browser runs, never written to disk) and a panel that finds nothing asks the content script to read again.
 */
export function startTabStateHub(): void {
  const watchers = new Map<number, Set<Port>>();

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only our own content scripts speak to us; a message from anywhere else is ignored.
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || sender.frameId !== 0) return;
    const parsed = SnapshotMessage.safeParse(raw);
    if (!parsed.success) return;
    const state = toTabState(sender.tab.id, parsed.data.snapshot);
    void saveState(state);
    broadcast(state);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT_NAME || port.sender?.id !== browser.runtime.id) return;
    let watched: number | null = null;
    port.onMessage.addListener((raw: unknown) => {
      const parsed = WatchTabMessage.safeParse(raw);
      if (!parsed.success) return;
      if (watched !== null) watchers.get(watched)?.delete(port);
      watched = parsed.data.tabId;
      const set = watchers.get(watched) ?? new Set<Port>();
      set.add(port);
      watchers.set(watched, set);
      void refresh(watched);
    });
    port.onDisconnect.addListener(() => {
      if (watched !== null) watchers.get(watched)?.delete(port);
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    watchers.delete(tabId);
    void browser.storage.session.remove(stateKey(tabId));
  });

  function broadcast(state: TabState): void {
    const message: TabStateMessage = { type: 'tab-state', state };
    for (const port of watchers.get(state.tabId) ?? []) {
      try {
        port.postMessage(message);
      } catch {
        watchers.get(state.tabId)?.delete(port);
      }
    }
  }

  /** Sends the stored state at once, then asks the page for a fresh reading (it may have changed while we slept). */
  async function refresh(tabId: number): Promise<void> {
    const stored = await loadState(tabId);
    if (stored) broadcast(stored);
    const request: ContentRequest = { type: 'read-now' };
    try {
      const reply = SnapshotMessage.safeParse(await browser.tabs.sendMessage(tabId, request, { frameId: 0 }));
      if (reply.success) {
        const state = toTabState(tabId, reply.data.snapshot);
        await saveState(state);
        broadcast(state);
      }
    } catch {
      // No content script answers: a page the extension does not run on.
      const state: TabState = { tabId, status: 'unsupported', snapshot: null, url: null, updatedAt: Date.now() };
      await saveState(state);
      broadcast(state);
    }
  }
}

function toTabState(tabId: number, snapshot: ConversationSnapshot | null): TabState {
  return {
    tabId,
    status: snapshot ? 'conversation' : 'no-conversation',
    snapshot,
    url: snapshot?.url ?? null,
    updatedAt: Date.now(),
  };
}

const stateKey = (tabId: number) => `tab-state:${tabId}`;

async function saveState(state: TabState): Promise<void> {
  await browser.storage.session.set({ [stateKey(state.tabId)]: state }).catch(() => {});
}

async function loadState(tabId: number): Promise<TabState | null> {
  const key = stateKey(tabId);
  const stored = await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>);
  return (stored[key] as TabState | undefined) ?? null;
}
