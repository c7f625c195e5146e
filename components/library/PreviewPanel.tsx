import type { RenderedTemplate, TemplateField } from '@/scripts-library/template';
import { t } from '../i18n';
import { variableName } from './names';

export interface SampleValues {
  customerName: string;
  agentName: string;
  company: string;
  ticketId: string;
  subject: string;
}

interface PreviewPanelProps {
  rendered: RenderedTemplate;
  lang: string;
  sample: SampleValues;
  onSample(sample: SampleValues): void;
  answers: Record<string, string>;
  onAnswer(label: string, value: string): void;
}

/** How the script will read in the panel, with a sample customer; fill-in fields can be tried out here too. */
export function PreviewPanel({ rendered, lang, sample, onSample, answers, onAnswer }: PreviewPanelProps) {
  const sampleField = (key: keyof SampleValues, label: string) => (
    <label className="sample">
      <span>{label}</span>
      <input data-testid={`sample-${key}`} value={sample[key]} onChange={(e) => onSample({ ...sample, [key]: e.target.value })} />
    </label>
  );
  const text = rendered.text;
  const cursor = rendered.cursor;
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading" className="section-heading">
        {t('previewHeading')}
      </h3>
      <div className="preview__samples">
        {sampleField('customerName', t('var_customer_name'))}
        {sampleField('agentName', t('var_agent_name'))}
        {sampleField('company', t('var_company'))}
        {sampleField('ticketId', t('var_ticket_id'))}
      </div>
      {(rendered.fields ?? []).length > 0 ? (
        <div className="preview__fields">
          {(rendered.fields ?? []).map((field) => (
            <FieldInput key={field.label} field={field} value={answers[field.label]} onChange={(v) => onAnswer(field.label, v)} />
          ))}
        </div>
      ) : null}
      {/* Plain text: a script is never rendered as markup, whatever it contains. */}
      <p className="preview__text" data-testid="preview-text" lang={lang}>
        {cursor === null ? text : text.slice(0, cursor)}
        {cursor === null ? null : <span className="preview__cursor" title={t('previewCursor')} aria-label={t('previewCursor')} />}
        {cursor === null ? null : text.slice(cursor)}
      </p>
      {rendered.missing.length > 0 ? (
        <p className="notice notice--warning" data-testid="preview-missing">
          {t('previewWillAsk', rendered.missing.map(variableName).join(', '))}
        </p>
      ) : null}
      {(rendered.unanswered ?? []).length > 0 ? (
        <p className="muted">{t('previewFieldsAsked', (rendered.unanswered ?? []).join(', '))}</p>
      ) : null}
    </section>
  );
}

export function FieldInput({ field, value, onChange, testId }: { field: TemplateField; value: string | undefined; onChange(value: string): void; testId?: string }) {
  if (field.kind === 'choice') {
    return (
      <label className="sample">
        <span>{field.label}</span>
        <select data-testid={testId ?? 'field-answer'} value={value ?? field.options[0] ?? ''} onChange={(e) => onChange(e.target.value)}>
          {field.options.map((option, i) => (
            <option key={`${i}:${option}`} value={option}>
              {option || '—'}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label className="sample">
      <span>{field.label}</span>
      <input data-testid={testId ?? 'field-answer'} value={value ?? field.suggested ?? ''} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
