import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { checkPhrasing, type PhrasingCheckId } from '@/scripts-library/phrasing';
import {
  CHANNELS,
  LANGUAGES,
  MAX_SCRIPT_TEXT,
  SCRIPT_KINDS,
  STAGES,
  type Language,
  type Script,
  type ScriptChannel,
  type ScriptKind,
  type Stage,
} from '@/scripts-library/schemas';
import { firstNameOf, renderTemplate, type TemplateValues } from '@/scripts-library/template';
import { db } from '@/storage/database';
import {
  createScript,
  deleteScriptKeepingHistory,
  duplicateScript,
  revertScript,
  saveScript,
  silenceCheck,
  silencedChecksFor,
  unsilenceCheck,
  variantGroupKey,
  variantId,
  type NewScript,
} from '@/storage/library';
import { t } from '../i18n';
import { languageName, stageName } from '../labels';
import { HistoryPanel } from './HistoryPanel';
import type { VariantGroups } from './library-filters';
import { channelName, kindName } from './names';
import { PhrasingPanel } from './PhrasingPanel';
import { PreviewPanel, type SampleValues } from './PreviewPanel';
import { TemplateProblems } from './TemplateProblems';
import { VariantsPanel } from './VariantsPanel';

export interface EditorNotice {
  kind: 'success' | 'warning' | 'error';
  text: string;
  undoScriptId?: string;
}

interface ScriptEditorProps {
  /** The stored script being edited, or null for a draft. */
  script: Script | null;
  draft: NewScript | null;
  byId: ReadonlyMap<string, Script>;
  groups: VariantGroups;
  author: string;
  onSelect(id: string | null): void;
  onDraft(draft: NewScript): void;
  onNotice(notice: EditorNotice): void;
}

interface ScriptForm {
  title: string;
  text: string;
  lang: Language;
  stage: Stage;
  kind: ScriptKind;
  channel: ScriptChannel;
  tags: string;
}

function formOf(source: Script | NewScript): ScriptForm {
  return {
    title: source.title,
    text: source.text,
    lang: source.lang,
    stage: source.stage,
    kind: source.kind,
    channel: source.channel ?? 'any',
    tags: (source.tags ?? []).join(', '),
  };
}

const tagsOf = (text: string) => [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];

function sameForm(a: ScriptForm, b: ScriptForm): boolean {
  return (Object.keys(a) as (keyof ScriptForm)[]).every((key) => (key === 'tags' ? tagsOf(a.tags).join() === tagsOf(b.tags).join() : a[key] === b[key]));
}

function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ScriptEditor({ script, draft, byId, groups, author, onSelect, onDraft, onNotice }: ScriptEditorProps) {
  const source = script ?? draft;
  const [form, setForm] = useState<ScriptForm | null>(source ? formOf(source) : null);
  const [sample, setSample] = useState<SampleValues>(() => ({
    customerName: t('sampleCustomerName'),
    agentName: t('sampleAgentName'),
    company: t('sampleCompany'),
    ticketId: '4411',
    subject: t('sampleSubject'),
  }));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const editor = { author };

  // A stored script changed elsewhere (another tab, a revert): follow it unless the trainer has unsaved changes.
  const sourceForm = useMemo(() => (source ? formOf(source) : null), [source]);
  const [baseline, setBaseline] = useState<ScriptForm | null>(sourceForm);
  useEffect(() => {
    if (!sourceForm) return;
    setForm((current) => (current === null || baseline === null || sameForm(current, baseline) ? sourceForm : current));
    setBaseline(sourceForm);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the stored script only
  }, [sourceForm]);

  const silenced = useLiveQuery(() => (script ? silencedChecksFor(db, script.id) : Promise.resolve([])), [script?.id]);
  const deferredText = useDeferredValue(form?.text ?? '');
  const tooLong = (form?.text.length ?? 0) > MAX_SCRIPT_TEXT;
  // Past the limit only the first part is previewed and checked: the page stays responsive on a 1 MB paste.
  const checkedText = tooLong ? deferredText.slice(0, MAX_SCRIPT_TEXT) : deferredText;

  const values: TemplateValues = {
    'customer.name': sample.customerName,
    'customer.firstName': firstNameOf(sample.customerName),
    'agent.name': sample.agentName,
    'agent.firstName': firstNameOf(sample.agentName),
    company: sample.company,
    'ticket.id': sample.ticketId,
    'ticket.subject': sample.subject,
  };
  const rendered = useMemo(
    () => renderTemplate(checkedText, values, { answers, lang: form?.lang, include: (id) => byId.get(id)?.text, placeholders: true }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- values are rebuilt from sample
    [checkedText, sample, answers, form?.lang, byId],
  );
  const findings = useMemo(
    () =>
      form
        ? checkPhrasing(
            { text: checkedText, lang: form.lang, stage: form.stage, kind: form.kind, channel: form.channel },
            { silenced: new Map((silenced ?? []).map((s) => [s.check as PhrasingCheckId, s.reason])) },
          )
        : [],
    [checkedText, form?.lang, form?.stage, form?.kind, form?.channel, silenced],
  );

  if (!form || !source) {
    return (
      <section className="editor editor--empty" data-testid="editor-empty">
        <p className="muted">{t('editorNothingSelected')}</p>
      </section>
    );
  }

  const locked = script?.locked ?? false;
  const dirty = baseline ? !sameForm(form, baseline) : true;
  const groupKey = variantGroupKey({ id: script?.id ?? draft?.id ?? '', lang: form.lang });
  const variants = groups.get(groupKey) ?? new Map<Language, Script>();
  const update = <K extends keyof ScriptForm>(key: K, value: ScriptForm[K]) => {
    setRefusal(null);
    setForm({ ...form, [key]: value });
  };

  const save = async () => {
    setSaving(true);
    setRefusal(null);
    try {
      const changes = { title: form.title, text: form.text, lang: form.lang, stage: form.stage, kind: form.kind, channel: form.channel, tags: tagsOf(form.tags) };
      const saved = script ? await saveScript(db, script.id, changes, editor) : await createScript(db, { ...changes, id: draft?.id }, editor);
      setBaseline(formOf(saved));
      onNotice({ kind: 'success', text: t('savedVersion', [saved.title, String(saved.version)]) });
      if (!script) onSelect(saved.id);
    } catch (error) {
      setRefusal(problemText(error));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!script) return;
    try {
      const deleted = await deleteScriptKeepingHistory(db, script.id, editor);
      if (deleted) onNotice({ kind: 'success', text: t('deletedScript', deleted.title), undoScriptId: deleted.id });
      onSelect(null);
    } catch (error) {
      onNotice({ kind: 'error', text: problemText(error) });
    }
  };

  const duplicate = async () => {
    if (!script) return;
    try {
      const copy = await duplicateScript(db, script.id, t('copyTitle', script.title).slice(0, 200), editor);
      onNotice({ kind: 'success', text: t('duplicatedScript', copy.title) });
      onSelect(copy.id);
    } catch (error) {
      onNotice({ kind: 'error', text: problemText(error) });
    }
  };

  const revert = async (version: number) => {
    if (!script) return;
    try {
      const saved = await revertScript(db, script.id, version, editor);
      setForm(formOf(saved));
      setBaseline(formOf(saved));
      onNotice({ kind: 'success', text: t('revertedTo', [String(version), String(saved.version)]) });
    } catch (error) {
      onNotice({ kind: 'error', text: problemText(error) });
    }
  };

  const addVariant = (lang: Language) => {
    const existingGroup = script ? variantGroupKey(script) : groupKey;
    onDraft({ id: variantId(existingGroup, lang), title: form.title, text: '', lang, stage: form.stage, kind: form.kind, channel: form.channel, tags: tagsOf(form.tags) });
  };

  return (
    <section
      className="editor"
      data-testid="editor"
      data-script-id={script?.id ?? draft?.id ?? ''}
      data-version={script?.version ?? 0}
      data-dirty={dirty}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 's') {
          event.preventDefault();
          if (!locked && !saving) void save();
        }
      }}
    >
      <header className="editor__header">
        <h2>{script ? t('editorEditing') : t('editorNew')}</h2>
        {script ? (
          <span className="muted" data-testid="editor-id">
            {script.id} · v{script.version}
            {script.packId ? ` · ${t('fromPack', script.packId)}` : ''}
          </span>
        ) : null}
      </header>
      {locked ? (
        <p className="notice notice--warning" data-testid="locked-notice">
          {t('lockedNotice', script?.packId ?? '')}
        </p>
      ) : null}

      <div className="editor__fields">
        <label className="field field--wide">
          <span>{t('fieldTitle')}</span>
          <input data-testid="editor-title" value={form.title} disabled={locked} maxLength={200} onChange={(e) => update('title', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('fieldLanguage')}</span>
          <select data-testid="editor-lang" value={form.lang} disabled={locked || !!script} onChange={(e) => update('lang', e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('fieldStage')}</span>
          <select data-testid="editor-stage" value={form.stage} disabled={locked} onChange={(e) => update('stage', e.target.value as Stage)}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageName(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('fieldKind')}</span>
          <select data-testid="editor-kind" value={form.kind} disabled={locked} onChange={(e) => update('kind', e.target.value as ScriptKind)}>
            {SCRIPT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('fieldChannel')}</span>
          <select data-testid="editor-channel" value={form.channel} disabled={locked} onChange={(e) => update('channel', e.target.value as ScriptChannel)}>
            {(['any', ...CHANNELS] as const).map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--wide">
          <span>{t('fieldTags')}</span>
          <input data-testid="editor-tags" value={form.tags} disabled={locked} onChange={(e) => update('tags', e.target.value)} placeholder={t('fieldTagsHint')} />
        </label>
        <label className="field field--full">
          <span>{t('fieldText')}</span>
          <textarea
            data-testid="editor-text"
            value={form.text}
            disabled={locked}
            lang={form.lang}
            rows={Math.min(16, Math.max(4, form.text.split('\n').length + 1))}
            onChange={(e) => update('text', e.target.value)}
            spellCheck
          />
          <span className="field__hint">{t('templateHint')}</span>
        </label>
      </div>

      {tooLong ? (
        <p className="notice notice--error" role="alert" data-testid="text-too-long">
          {t('textTooLong', [String(form.text.length), String(MAX_SCRIPT_TEXT)])}
        </p>
      ) : null}
      {refusal ? (
        <p className="notice notice--error" role="alert" data-testid="save-refused">
          {t('saveRefused', refusal)}
        </p>
      ) : null}
      <TemplateProblems source={checkedText} errors={rendered.errors} />

      <div className="editor__actions">
        {!locked ? (
          <button type="button" className="button button--primary" data-testid="save-script" disabled={saving || (!dirty && !!script)} onClick={() => void save()}>
            {t('save')}
          </button>
        ) : null}
        {script ? (
          <button type="button" className="button" data-testid="duplicate-script" onClick={() => void duplicate()}>
            {t('duplicate')}
          </button>
        ) : null}
        {script && !locked ? (
          <button type="button" className="button button--danger" data-testid="delete-script" onClick={() => void remove()}>
            {t('delete')}
          </button>
        ) : null}
        {dirty && script ? (
          <button type="button" className="button button--link" onClick={() => baseline && setForm(baseline)}>
            {t('discardChanges')}
          </button>
        ) : null}
        {!script ? (
          <button type="button" className="button button--link" onClick={() => onSelect(null)}>
            {t('cancel')}
          </button>
        ) : null}
      </div>

      <PreviewPanel rendered={rendered} lang={form.lang} sample={sample} onSample={setSample} answers={answers} onAnswer={(label, value) => setAnswers({ ...answers, [label]: value })} />
      <PhrasingPanel
        findings={findings}
        onSilence={script ? (check, reason) => silenceCheck(db, script.id, check, reason, editor).catch((e: unknown) => onNotice({ kind: 'error', text: problemText(e) })) : null}
        onUnsilence={script ? (check) => unsilenceCheck(db, script.id, check) : null}
      />
      <VariantsPanel current={{ id: script?.id ?? draft?.id ?? '', lang: form.lang }} variants={variants} onOpen={onSelect} onAdd={addVariant} />
      {script ? <HistoryPanel scriptId={script.id} currentVersion={script.version} locked={locked} onRevert={revert} /> : null}
    </section>
  );
}
