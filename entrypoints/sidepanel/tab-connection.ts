import { useEffect } from 'react';
import { PANEL_PORT_NAME, TabStateMessage, type WatchTabMessage } from '@/scripts-library/messages';
import { usePanelStore } from './panel-store';

/**
 * Which tab this panel serves: `?tabId=N` pins it (a popped-out panel, and the tests); otherwise it follows the
 * active tab of its own window.
 */
export function useBoundTab(): void {
  const bindTab = usePanelStore((s) => s.bindTab);
  useEffect(() => {
    const fixed = Number(new URLSearchParams(location.search).get('tabId'));
    if (Number.isInteger(fixed) && fixed > 0) {
      bindTab(fixed);
      return;
    }
    let windowId: number | undefined;
    const followActive = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      windowId = tab?.windowId;
      if (tab?.id !== undefined) bindTab(tab.id);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) bindTab(info.tabId);
    };
    void followActive();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [bindTab]);
}

/**
 * Keeps a port to the background open for the bound tab and feeds what arrives into the store. The service worker
 * can be stopped at any time, which closes the port: reconnect, and the background re-reads the page.
 */
export function useTabStateConnection(): void {
  const tabId = usePanelStore((s) => s.tabId);
  const receiveTabState = usePanelStore((s) => s.receiveTabState);
  useEffect(() => {
    if (tabId === null) return;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    const connect = () => {
      if (closed) return;
      port = browser.runtime.connect({ name: PANEL_PORT_NAME });
      port.onMessage.addListener((raw: unknown) => {
        const parsed = TabStateMessage.safeParse(raw);
        if (parsed.success) receiveTabState(parsed.data.state);
      });
      port.onDisconnect.addListener(() => {
        port = null;
        retry = setTimeout(connect, 200);
      });
      const watch: WatchTabMessage = { type: 'watch-tab', tabId };
      port.postMessage(watch);
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      port?.disconnect();
    };
  }, [tabId, receiveTabState]);
}
