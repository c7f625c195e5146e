import { defaultPack } from '@/scripts-library/default-pack';
import type { AgentAssistDatabase } from './database';
import { installPack, type PackInstallResult } from './packs';

/**
 * Installs or upgrades the bundled default pack. Safe to call on every start: the same version plans nothing, and a
 * person's edits and deletions survive upgrades (see `planPackInstall`).
 */
export function ensureDefaultPack(db: AgentAssistDatabase, now = Date.now()): Promise<PackInstallResult> {
  return installPack(db, defaultPack, { now });
}
