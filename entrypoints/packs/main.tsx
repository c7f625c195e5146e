import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { PacksSection } from '@/components/packs/PacksSection';

// "Script packs" extension page, until the options page mounts PacksSection itself.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PacksSection />
    </StrictMode>,
  );
}
