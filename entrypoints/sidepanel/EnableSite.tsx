import { useEffect, useState } from 'react';
import { t } from '@/components/i18n';
import type { EnableSiteMessage } from '@/scripts-library/messages';
import { usePanelStore } from './panel-store';

/**
 * "Enable on this site" for a self-hosted helpdesk: asks the browser for this one origin (an optional host
 * permission, requested from the agent's click), then the background starts reading the page.
 */
export function EnableSite({ tabId }: { tabId: number }) {
  const [origin, setOrigin] = useState<string | null>(null);
  const showNotice = usePanelStore((s) => s.showNotice);
  useEffect(() => {
    // The tab's address is known when the agent opened the panel from the toolbar (activeTab) or already granted it.
    browser.tabs
      .get(tabId)
      .then((tab) => {
        const url = tab.url ? new URL(tab.url) : null;
        setOrigin(url && /^https?:$/.test(url.protocol) ? url.origin : null);
      })
      .catch(() => setOrigin(null));
  }, [tabId]);
  if (!origin) return null;

  const enable = async () => {
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (!granted) {
      showNotice({ kind: 'warning', text: t('enableSiteDenied', origin) });
      return;
    }
    const message: EnableSiteMessage = { type: 'enable-site', origin, tabId };
    const reply = (await browser.runtime.sendMessage(message).catch((error: Error) => ({ ok: false, error: error.message }))) as
      | { ok: boolean; error?: string }
      | undefined;
    showNotice(reply?.ok ? { kind: 'success', text: t('enableSiteDone', origin) } : { kind: 'error', text: t('enableSiteFailed', reply?.error ?? '') });
  };
  return (
    <button type="button" className="button button--primary" data-testid="enable-site" onClick={enable}>
      {t('enableSite', origin)}
    </button>
  );
}
