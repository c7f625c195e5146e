import { servePalette } from '@/components/panel/palette-service';
import { db } from '@/storage/database';
import { ensureDefaultPack } from '@/storage/default-pack';
import { startContentScriptReattach } from './reattach-content-scripts';
import { startSiteAccess } from './site-access';
import { startTabStateHub } from './tab-state-hub';

export default defineBackground(() => {
  // Chrome opens the side panel from the toolbar button; Firefox's sidebar has its own toggle.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  browser.runtime.onInstalled.addListener(() => {
    ensureDefaultPack(db).catch((error: unknown) => console.error('Agent Assist: installing the default pack failed', error));
  });

  startTabStateHub();
  startSiteAccess();
  // The in-page palette's frame may not open the database itself: the background answers it (and only the background,
  // so an insert is recorded once).
  servePalette();
  startContentScriptReattach();
  void import('./pack-sync').then(({ startPackSync }) => startPackSync());
});
