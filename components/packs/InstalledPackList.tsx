import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatDate, formatNumber, t } from '@/components/i18n';
import { keyLabel } from '@/scripts-library/packs/signature';
import type { PackPolicy } from '@/scripts-library/packs/trust';
import type { AgentAssistDatabase } from '@/storage/database';
import { installedPackSummaries, PackRefusedError, rollbackPack, uninstallPack } from '@/storage/packs';
import { refusalText } from './hooks';
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
      onNotice({ kind: 'error', text: error instanceof PackRefusedError ? refusalText(error) : String(error) });
    }
  };

  if (!packs) return <p className="loading">{t('packs_loadingPacks')}</p>;
  return (
    <section className="packs__block" aria-labelledby="packs-installed-heading">
      <h2 id="packs-installed-heading" className="section-heading">{t('packs_installedHeading')}</h2>
      <ul className="packs__list">
        {packs.map((pack) => (
          <li key={pack.id} className="packs__item" data-testid="installed-pack" data-pack-id={pack.id} data-version={pack.version} data-unsigned={String(pack.unsigned ?? false)}>
            <div className="packs__row">
              <strong>{pack.name}</strong> <span className="muted">{pack.version}</span>
              {pack.unsigned && <span className="packs__badge packs__badge--warning" data-testid="unsigned-badge" title={t('packs_unsignedBadgeTitle')}>{t('packs_unsignedBadge')}</span>}
              {(pack.staleOverrides?.length ?? 0) > 0 && (
                <span className="packs__badge packs__badge--warning" data-testid="stale-overrides" title={t('packs_staleOverridesTitle')}>
                  {t('packs_staleOverrides', formatNumber(pack.staleOverrides!.length))}
                </span>
              )}
            </div>
            <p className="muted packs__meta">
              {pack.publisher} · {t('packs_scriptCount', pack.scriptCount === undefined ? '?' : formatNumber(pack.scriptCount))} · {describeSource(pack.source, pack.sourceUrl ?? null)}
              {pack.signedBy ? ` · ${t('packs_signedWithKeyLower', keyLabel(pack.signedBy))}` : ''} · {t('packs_updatedAt', formatDate(pack.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }))}
            </p>
            <div className="packs__actions">
              <button type="button" className="button" data-testid="show-scripts" aria-expanded={open === pack.id} onClick={() => setOpen(open === pack.id ? null : pack.id)}>
                {open === pack.id ? t('packs_hideScripts') : t('packs_showScripts')}
              </button>
              {pack.previousVersion && (
                <button type="button" className="button" data-testid="rollback" onClick={() => void act(async () => {
                  const result = await rollbackPack(db, pack.id, { policy });
                  return t('packs_rolledBack', [pack.name, result.version]);
                })}>
                  {t('packs_rollBackTo', pack.previousVersion)}
                </button>
              )}
              {pack.source !== 'bundled' && (
                <button type="button" className="button" data-testid="uninstall" onClick={() => void act(async () => {
                  const result = await uninstallPack(db, pack.id);
                  return result.keptAsPersonal
                    ? t('packs_uninstalledKeptEdits', [pack.name, formatNumber(result.removed), formatNumber(result.keptAsPersonal)])
                    : t('packs_uninstalled', [pack.name, formatNumber(result.removed)]);
                })}>
                  {t('packs_uninstall')}
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
  if (source === 'url') return url ? t('packs_sourceUrl', url) : t('packs_sourceUrlUnknown');
  if (source === 'policy') return url ? t('packs_sourcePolicyUrl', url) : t('packs_sourcePolicy');
  if (source === 'file') return t('packs_sourceFile');
  return t('packs_sourceBundled');
}
