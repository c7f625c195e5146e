import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import '@/components/library/library.css';
import { t } from '@/components/i18n';
import { LibraryApp } from './LibraryApp';

const root = document.getElementById('root');
if (root) {
  document.title = t('libraryPageTitle');
  createRoot(root).render(
    <StrictMode>
      <LibraryApp />
    </StrictMode>,
  );
}
