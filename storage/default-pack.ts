import { compareVersions } from '@/scripts-library/packs';
import { DEFAULT_PACK_VERSION, defaultPack } from '@/scripts-library/default-pack';
import type { AgentAssistDatabase } from './database';
import { installPack, type PackInstallResult } from './packs';

/**
 * Installs the bundled default pack on first run and upgrades it when a new extension version brings a newer one.
 * Called on every start, so it returns at once when that version is already installed: nothing is re-read or
 * rewritten, and a person's edits and deletions survive upgrades (see `planPackInstall`).
 */
export async function ensureDefaultPack(db: AgentAssistDatabase, now = Date.now()): Promise<PackInstallResult | null> {
  const installed = await db.packs.get(defaultPack.id);
  if (installed && compareVersions(installed.version, DEFAULT_PACK_VERSION) >= 0) return null;
  return installPack(db, defaultPack, { now });
}
