import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import '@/components/panel/panel.css';
import { initInterfaceLanguage } from '@/components/i18n';
import { servePalette } from '@/components/panel/palette-service';
import { SidePanelApp } from './SidePanelApp';

const root = document.getElementById('root');
if (root) {
  // While a panel is open it answers the in-page palette, which cannot open the database itself.
  servePalette();
  // The agent's interface language (settings) is loaded before the first word is shown.
  void initInterfaceLanguage().finally(() => {
    createRoot(root).render(
      <StrictMode>
        <SidePanelApp />
      </StrictMode>,
    );
  });
}
