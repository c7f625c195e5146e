import { useMemo, useState } from 'react';
import type { Script } from '@/scripts-library/schemas';
import { renderTemplate, type RenderedTemplate, type RenderOptions, type TemplateValues, type TemplateVariable } from '@/scripts-library/template';
import { t } from '../i18n';
import { variableName } from './names';
import { FieldInput } from './PreviewPanel';

interface FillInDialogProps {
  script: Script;
  values: TemplateValues;
  options: RenderOptions;
  onInsert(rendered: RenderedTemplate): void;
  onCancel(): void;
}

/** Whether inserting this rendering needs answers first: unknown variables without fallback, or fill-in fields. */
export function needsAnswers(rendered: RenderedTemplate): boolean {
  return rendered.missing.length > 0 || (rendered.fields ?? []).length > 0;
}

/**
 * Asks, before inserting, for what the template cannot know: fill-in fields and choices, and variables the page
 * did not give (the customer's name on a helpdesk that hides it). The text to insert is shown as it will land.
 */
export function FillInDialog({ script, values, options, onInsert, onCancel }: FillInDialogProps) {
  const first = useMemo(() => renderTemplate(script.text, values, options), [script.text, values, options]);
  const [given, setGiven] = useState<Partial<Record<TemplateVariable, string>>>({});
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const rendered = useMemo(
    () => renderTemplate(script.text, { ...values, ...given }, { ...options, answers: { ...defaultAnswers(first), ...answers } }),
    [script.text, values, given, options, answers, first],
  );
  return (
    <form
      className="fill-in"
      role="dialog"
      aria-labelledby="fill-in-heading"
      data-testid="fill-in"
      data-script-id={script.id}
      onSubmit={(event) => {
        event.preventDefault();
        onInsert(rendered);
      }}
    >
      <h3 id="fill-in-heading" className="section-heading">
        {t('fillInHeading', script.title)}
      </h3>
      {first.missing.map((name, i) => (
        <label key={name} className="sample">
          <span>{variableName(name)}</span>
          <input
            data-testid="fill-in-variable"
            data-variable={name}
            value={given[name] ?? ''}
            placeholder={t('fillInUnknown')}
            onChange={(e) => setGiven({ ...given, [name]: e.target.value })}
            autoFocus={i === 0}
          />
        </label>
      ))}
      {(first.fields ?? []).map((field, i) => (
        <FieldInput
          key={field.label}
          field={field}
          value={answers[field.label]}
          onChange={(value) => setAnswers({ ...answers, [field.label]: value })}
          testId="fill-in-field"
        />
      ))}
      <p className="fill-in__preview" data-testid="fill-in-preview" lang={script.lang}>
        {rendered.text}
      </p>
      <div className="suggestion__actions">
        <button type="submit" className="button button--primary" data-testid="fill-in-insert">
          {t('insert')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** What a field shows before the agent touches it: a text field's suggestion, a choice's first option. */
function defaultAnswers(rendered: RenderedTemplate): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const field of rendered.fields ?? []) defaults[field.label] = field.kind === 'choice' ? (field.options[0] ?? '') : (field.suggested ?? '');
  return defaults;
}
