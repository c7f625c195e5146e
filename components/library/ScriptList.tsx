import { LANGUAGES, type Script } from '@/scripts-library/schemas';
import { variantGroupKey } from '@/storage/library';
import { t } from '../i18n';
import { languageName, stageName } from '../labels';
import type { VariantGroups } from './library-filters';
import { kindName } from './names';
import { VirtualList } from './VirtualList';

interface ScriptListProps {
  items: readonly Script[];
  groups: VariantGroups;
  selectedId: string | null;
  onSelect(id: string): void;
}

export const ROW_HEIGHT = 64;

export function ScriptList({ items, groups, selectedId, onSelect }: ScriptListProps) {
  const activeIndex = selectedId ? items.findIndex((s) => s.id === selectedId) : -1;
  const move = (delta: number) => {
    const next = items[Math.min(items.length - 1, Math.max(0, activeIndex + delta))];
    if (next) onSelect(next.id);
  };
  return (
    <div
      className="script-list"
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          move(1);
        } else if (event.key === 'ArrowUp') {
          event.preventDefault();
          move(-1);
        }
      }}
    >
      <VirtualList
        items={items}
        rowHeight={ROW_HEIGHT}
        keyOf={(s) => s.id}
        label={t('libraryListLabel')}
        activeIndex={activeIndex}
        testId="script-list"
        renderRow={(script) => {
          const group = groups.get(variantGroupKey(script));
          return (
            <button
              type="button"
              className={`script-row${script.id === selectedId ? ' script-row--selected' : ''}`}
              data-testid="script-row"
              data-script-id={script.id}
              aria-current={script.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(script.id)}
            >
              <span className="script-row__head">
                <span className="script-row__title" lang={script.lang}>{script.title}</span>
                {script.locked ? <span className="badge" title={t('lockedBadgeHint')}>{t('lockedBadge')}</span> : null}
              </span>
              <span className="script-row__meta">
                {stageName(script.stage)} · {kindName(script.kind)} · {languageName(script.lang)}
                {script.packId ? ` · ${script.packId}` : ''}
              </span>
              <span className="script-row__langs" aria-label={t('variantsLabel')}>
                {LANGUAGES.map((lang) => (
                  <span
                    key={lang}
                    className={`lang-dot${group?.has(lang) ? ' lang-dot--present' : ''}${lang === script.lang ? ' lang-dot--this' : ''}`}
                    title={`${languageName(lang)}: ${group?.has(lang) ? t('variantPresent') : t('variantMissing')}`}
                  >
                    {lang.replace('-Latn', 'ᴸ')}
                  </span>
                ))}
              </span>
            </button>
          );
        }}
      />
    </div>
  );
}
