import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import '@/components/panel/panel.css';
import '@/components/panel/palette.css';
import { initInterfaceLanguage, t } from '@/components/i18n';
import { PaletteApp } from '@/components/panel/PaletteApp';

// The in-page palette's contents: an extension page the content script shows in a frame at the caret, so the
// scripts, the ranking and the database stay on the extension's side and out of the helpdesk page.
const root = document.getElementById('root');
if (root) {
  void initInterfaceLanguage().finally(() => {
    document.title = t('paletteTitle');
    createRoot(root).render(
      <StrictMode>
        <PaletteApp />
      </StrictMode>,
    );
  });
}
