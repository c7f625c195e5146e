import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import '@/components/library/library.css';
import { initInterfaceLanguage, t } from '@/components/i18n';
import { LibraryApp } from './LibraryApp';

const root = document.getElementById('root');
if (root) {
  // The interface language the agent chose in the panel's settings applies here too.
  void initInterfaceLanguage().finally(() => {
    document.title = t('libraryPageTitle');
    createRoot(root).render(
      <StrictMode>
        <LibraryApp />
      </StrictMode>,
    );
  });
}
