import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { keyLabel } from '@/scripts-library/packs/signature';
import type { PackPolicy } from '@/scripts-library/packs/trust';
import type { AgentAssistDatabase } from '@/storage/database';
import { installedPackSummaries, PackRefusedError, rollbackPack, uninstallPack } from '@/storage/packs';
import { PackScripts } from './PackScripts';

interface Props {
  db: AgentAssistDatabase;
  policy: PackPolicy;
  onNotice(notice: { kind: 'success' | 'error'; text: string }): void;
}

/** Installed packs: version, origin, signer; roll back, uninstall, and look at (or edit) their scripts. */
export function InstalledPackList({ db, policy, onNotice }: Props) {
  const packs = useLiveQuery(() => installedPackSummaries(db), [db]);
  const [open, setOpen] = useState<string | null>(null);

  const act = async (run: () => Promise<string>) => {
    try {
      onNotice({ kind: 'success', text: await run() });
    } catch (error) {
      onNotice({ kind: 'error', text: error instanceof PackRefusedError ? error.message : String(error) });
    }
  };

  if (!packs) return <p className="loading">Loading packs…</p>;
  return (
    <section className="packs__block" aria-labelledby="packs-installed-heading">
      <h2 id="packs-installed-heading" className="section-heading">Installed packs</h2>
      <ul className="packs__list">
        {packs.map((pack) => (
          <li key={pack.id} className="packs__item" data-testid="installed-pack" data-pack-id={pack.id} data-version={pack.version} data-unsigned={String(pack.unsigned ?? false)}>
            <div className="packs__row">
              <strong>{pack.name}</strong> <span className="muted">{pack.version}</span>
              {pack.unsigned && <span className="packs__badge packs__badge--warning" data-testid="unsigned-badge" title="Installed without a signature">unsigned</span>}
              {(pack.staleOverrides?.length ?? 0) > 0 && (
                <span className="packs__badge packs__badge--warning" data-testid="stale-overrides" title="The pack changed scripts you edited">
                  {pack.staleOverrides!.length} changed under your edits
                </span>
              )}
            </div>
            <p className="muted packs__meta">
              {pack.publisher} · {pack.scriptCount ?? '?'} scripts · {describeSource(pack.source, pack.sourceUrl ?? null)}
              {pack.signedBy ? ` · signed with key ${keyLabel(pack.signedBy)}` : ''} · updated {new Date(pack.updatedAt).toLocaleString()}
            </p>
            <div className="packs__actions">
              <button type="button" className="button" data-testid="show-scripts" aria-expanded={open === pack.id} onClick={() => setOpen(open === pack.id ? null : pack.id)}>
                {open === pack.id ? 'Hide scripts' : 'Scripts'}
              </button>
              {pack.previousVersion && (
                <button type="button" className="button" data-testid="rollback" onClick={() => void act(async () => {
                  const result = await rollbackPack(db, pack.id, { policy });
                  return `Rolled ${pack.name} back to ${result.version}.`;
                })}>
                  Roll back to {pack.previousVersion}
                </button>
              )}
              {pack.source !== 'bundled' && (
                <button type="button" className="button" data-testid="uninstall" onClick={() => void act(async () => {
                  const result = await uninstallPack(db, pack.id);
                  return `Uninstalled ${pack.name}: ${result.removed} scripts removed${result.keptAsPersonal ? `, ${result.keptAsPersonal} of your edits kept as your own` : ''}.`;
                })}>
                  Uninstall
                </button>
              )}
            </div>
            {open === pack.id && <PackScripts db={db} packId={pack.id} policy={policy} onNotice={onNotice} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function describeSource(source: string | undefined, url: string | null): string {
  if (source === 'url') return `from ${url ?? 'a URL'}`;
  if (source === 'policy') return `set by your organisation${url ? ` (${url})` : ''}`;
  if (source === 'file') return 'from a file';
  return 'built in';
}
