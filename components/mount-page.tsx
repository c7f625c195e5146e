import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { initInterfaceLanguage, t, type MessageKey } from './i18n';

/**
 * Starts one of the extension's pages: the interface language the agent chose in settings is loaded before the first
 * word is shown, then the page renders into `#root`.
 */
export function mountPage(page: ReactNode, titleKey?: MessageKey): void {
  const root = document.getElementById('root');
  if (!root) return;
  void initInterfaceLanguage().finally(() => {
    if (titleKey) document.title = t(titleKey);
    createRoot(root).render(<StrictMode>{page}</StrictMode>);
  });
}
