import '@/components/theme.css';
import { mountPage } from '@/components/mount-page';
import { PacksSection } from '@/components/packs/PacksSection';

// "Script packs" extension page, until the options page mounts PacksSection itself.
mountPage(<PacksSection />, 'packs_heading');
