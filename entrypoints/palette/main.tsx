import '@/components/theme.css';
import '@/components/panel/panel.css';
import '@/components/panel/palette.css';
import { mountPage } from '@/components/mount-page';
import { PaletteApp } from '@/components/panel/PaletteApp';

// The in-page palette's contents: an extension page the content script shows in a frame at the caret, so the
// scripts, the ranking and the database stay on the extension's side and out of the helpdesk page.
mountPage(<PaletteApp />, 'paletteTitle');
