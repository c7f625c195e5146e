import { t } from '@/components/i18n';
import { BackupSection, type BackupSectionProps } from './BackupSection';
import './backup.css';

/** The backup section behind one button, for a page header that has no room for a whole section. */
export function BackupMenu(props: BackupSectionProps) {
  return (
    <details className="backup-menu" data-testid="backup-menu">
      <summary className="button" data-testid="backup-menu-open">
        {t('backupHeading')}
      </summary>
      <div className="backup-menu__panel">
        <BackupSection {...props} />
      </div>
    </details>
  );
}
