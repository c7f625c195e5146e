import { CHANNELS, LANGUAGES, SCRIPT_KINDS, STAGES } from '@/scripts-library/schemas';
import { t } from '../i18n';
import { languageName, stageName } from '../labels';
import type { LibraryFilters } from './library-filters';
import { channelName, kindName } from './names';

interface FiltersProps {
  filters: LibraryFilters;
  packs: readonly string[];
  tags: readonly string[];
  onChange<K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]): void;
  onClear(): void;
}

interface FilterSelectProps {
  name: keyof LibraryFilters;
  label: string;
  value: string | null;
  options: ReadonlyArray<readonly [string, string]>;
  onChange(value: string | null): void;
}

function FilterSelect({ name, label, value, options, onChange }: FilterSelectProps) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select data-testid={`filter-${name}`} value={value ?? '*'} onChange={(e) => onChange(e.target.value === '*' ? null : e.target.value)}>
        <option value="*">{t('filterAny')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Filters({ filters, packs, tags, onChange, onClear }: FiltersProps) {
  const active = Object.values(filters).some((v) => v !== null);
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t('filtersLabel')}</legend>
      <FilterSelect name="stage" label={t('fieldStage')} value={filters.stage} options={STAGES.map((s) => [s, stageName(s)] as const)} onChange={(v) => onChange('stage', v as never)} />
      <FilterSelect name="kind" label={t('fieldKind')} value={filters.kind} options={SCRIPT_KINDS.map((k) => [k, kindName(k)] as const)} onChange={(v) => onChange('kind', v as never)} />
      <FilterSelect name="lang" label={t('fieldLanguage')} value={filters.lang} options={LANGUAGES.map((l) => [l, languageName(l)] as const)} onChange={(v) => onChange('lang', v as never)} />
      <FilterSelect name="pack" label={t('fieldPack')} value={filters.pack} options={packs.map((p) => [p, p || t('packNone')] as const)} onChange={(v) => onChange('pack', v)} />
      <label className="filter">
        <span>{t('fieldTag')}</span>
        <input
          data-testid="filter-tag"
          list="library-tags"
          value={filters.tag ?? ''}
          placeholder={t('filterAny')}
          size={10}
          onChange={(e) => onChange('tag', e.target.value.trim() || null)}
        />
        <datalist id="library-tags">
          {tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </label>
      <FilterSelect name="channel" label={t('fieldChannel')} value={filters.channel} options={(['any', ...CHANNELS] as const).map((c) => [c, channelName(c)] as const)} onChange={(v) => onChange('channel', v as never)} />
      <FilterSelect name="missingLang" label={t('filterMissingLanguage')} value={filters.missingLang} options={LANGUAGES.map((l) => [l, languageName(l)] as const)} onChange={(v) => onChange('missingLang', v as never)} />
      {active ? (
        <button type="button" className="button button--link" onClick={onClear}>
          {t('filterClear')}
        </button>
      ) : null}
    </fieldset>
  );
}
