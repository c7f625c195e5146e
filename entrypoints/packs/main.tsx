import '@/components/theme.css';
import { mountPage } from '@/components/mount-page';
import { PacksSection } from '@/components/packs/PacksSection';

// The "Script packs" extension page (linked from the library page).
mountPage(<PacksSection />, 'packs_heading');
