import { LANGUAGES, type Language, type Script } from '@/scripts-library/schemas';
import { renderTemplate } from '@/scripts-library/template';
import { t } from '../i18n';
import { languageName } from '../labels';

interface VariantsPanelProps {
  current: Pick<Script, 'id' | 'lang'>;
  /** The group's scripts by language. */
  variants: ReadonlyMap<Language, Script>;
  onOpen(id: string): void;
  onAdd(lang: Language): void;
}

/** The same script in every language side by side, the missing ones marked, so gaps are seen and filled. */
export function VariantsPanel({ current, variants, onOpen, onAdd }: VariantsPanelProps) {
  const missing = LANGUAGES.filter((lang) => !variants.has(lang));
  return (
    <section className="variants" aria-labelledby="variants-heading" data-testid="variants">
      <h3 id="variants-heading" className="section-heading">
        {t('variantsHeading')} <span className="muted">{missing.length ? t('variantsMissingCount', String(missing.length)) : t('variantsComplete')}</span>
      </h3>
      <div className="variants__grid">
        {LANGUAGES.map((lang) => {
          const script = variants.get(lang);
          return (
            <article
              key={lang}
              className={`variant${script ? '' : ' variant--missing'}${lang === current.lang ? ' variant--current' : ''}`}
              data-testid="variant"
              data-lang={lang}
              data-present={script ? 'true' : 'false'}
            >
              <h4 className="variant__lang">{languageName(lang)}</h4>
              {script ? (
                <>
                  <p className="variant__text" lang={lang}>
                    {renderTemplate(script.text, {}, { placeholders: true, lang }).text}
                  </p>
                  {script.id !== current.id ? (
                    <button type="button" className="button button--link" onClick={() => onOpen(script.id)}>
                      {t('variantOpen')}
                    </button>
                  ) : (
                    <span className="muted">{t('variantThisOne')}</span>
                  )}
                </>
              ) : (
                <>
                  <p className="muted">{t('variantMissing')}</p>
                  <button type="button" className="button" data-testid="add-variant" onClick={() => onAdd(lang)}>
                    {t('variantAdd')}
                  </button>
                </>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}
