import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { initInterfaceLanguage, t } from '@/components/i18n';
import { PacksSection } from '@/components/packs/PacksSection';

// "Script packs" extension page, until the options page mounts PacksSection itself.
const root = document.getElementById('root');
if (root) {
  // The interface language the agent chose in the panel's settings applies here too.
  void initInterfaceLanguage().finally(() => {
    document.title = t('packs_heading');
    createRoot(root).render(
      <StrictMode>
        <PacksSection />
      </StrictMode>,
    );
  });
}
