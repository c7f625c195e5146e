// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPack } from '@/scripts-library/default-pack';
import type { Pack, Script } from '@/scripts-library/schemas';
import { db } from '@/storage/database';
import { historyOf } from '@/storage/history';
import { installPack } from '@/storage/packs';
import { LibraryApp } from '@/entrypoints/options/LibraryApp';
import { useLibraryStore } from '@/entrypoints/options/library-store';
import { syntheticLibrary } from '../../bench/search';
import { $, $$, choose, click, mount, type, waitFor, type Mounted } from './dom';

// The library page as a trainer uses it, against the real database code (fake-indexeddb in Node).

let page: Mounted | null = null;

beforeEach(async () => {
  await db.delete();
  await db.open();
  useLibraryStore.setState({ view: 'library', query: '', filters: useLibraryStore.getInitialState().filters, selectedId: null, draft: null, notice: null, trainerName: 'Meena' });
  location.hash = '';
});
afterEach(async () => {
  await page?.unmount();
  page = null;
});

const finding = (check: string) => $(page!.container, 'phrasing-finding', `[data-check="${check}"]`);
const editorVersion = () => Number($(page!.container, 'editor')?.getAttribute('data-version'));

async function openLibrary(): Promise<HTMLElement> {
  page = await mount(<LibraryApp />);
  await waitFor(() => $(page!.container, 'library-search'));
  return page.container;
}

describe('library page', () => {
  it('creates a Tamil script with a variable and a fallback, warns, fixes, keeps history with a diff, and reverts', async () => {
    const root = await openLibrary();
    await click($(root, 'new-script'));
    await type($(root, 'editor-title'), 'தாமதத்துக்கு மன்னிப்பு');
    await choose($(root, 'editor-lang'), 'ta');
    await choose($(root, 'editor-stage'), 'recovery');
    await choose($(root, 'editor-kind'), 'apology');
    const v1 = 'மன்னிக்கவும் {{customer.firstName|நண்பரே}}, ஆனால் தாமதம் எங்கள் கையில் இல்லை.';
    await type($(root, 'editor-text'), v1);

    // The preview fills in the sample customer; the phrasing check explains itself.
    expect($(root, 'preview-text')?.textContent).toBe(`மன்னிக்கவும் ${'Meera'}, ஆனால் தாமதம் எங்கள் கையில் இல்லை.`);
    await waitFor(() => finding('but-after-apology'));
    expect(finding('but-after-apology')?.textContent).toMatch(/takes the apology back/);
    expect(finding('but-after-apology')?.getAttribute('data-severity')).toBe('warning');

    await click($(root, 'save-script'));
    const id = 'my.recovery.' ;
    await waitFor(() => editorVersion() === 1);
    const stored = (await db.scripts.toArray()).find((s) => s.id.startsWith(id));
    expect(stored).toMatchObject({ lang: 'ta', stage: 'recovery', kind: 'apology', text: v1, version: 1 });

    const v2 = 'உங்கள் சிரமம் புரிகிறது, மன்னிக்கவும் {{customer.firstName|நண்பரே}}. இன்றே கூரியரிடம் பேசி உங்களுக்குத் தெரிவிக்கிறேன்.';
    await type($(root, 'editor-text'), v2);
    await waitFor(() => !finding('but-after-apology') && $(root, 'phrasing-clear'));
    await click($(root, 'save-script'));
    await waitFor(() => editorVersion() === 2);

    await waitFor(() => $$(root, 'history-version').length === 2);
    const diff = await waitFor(() => $(root, 'diff'));
    expect($$(diff, 'diff-delete').map((d) => d.textContent).join(' ')).toContain('ஆனால்');
    expect($$(diff, 'diff-insert').map((d) => d.textContent).join(' ')).toContain('இன்றே');

    await click($(root, 'revert', '[data-version="1"]'));
    await waitFor(() => editorVersion() === 3);
    expect((await db.scripts.get(stored!.id))?.text).toBe(v1);
    expect((await historyOf(db, stored!.id)).map((v) => [v.version, v.action, v.author])).toEqual([
      [1, 'create', 'Meena'],
      [2, 'edit', 'Meena'],
      [3, 'revert', 'Meena'],
    ]);
    expect(($(root, 'editor-text') as HTMLTextAreaElement).value).toBe(v1);
  });

  it('shows template errors where they are, renders hostile text as text, and refuses a megabyte without losing the stored script', async () => {
    await installPack(db, defaultPack);
    const root = await openLibrary();
    const target = 'default.greeting.welcome.en';
    useLibraryStore.getState().select(target);
    await waitFor(() => $(root, 'editor', `[data-script-id="${target}"]`));
    const original = (await db.scripts.get(target))!.text;

    const line2 = 'your order {{ticket.idd}} <img src=x onerror="window.hacked=1"> {{constructor}}';
    await type($(root, 'editor-text'), `Hi {{customer.firstName|there}},\n${line2}`);
    const errors = await waitFor(() => ($$(root, 'template-error').length === 2 ? $$(root, 'template-error') : null));
    expect(errors.map((e) => [e.getAttribute('data-line'), e.getAttribute('data-column')])).toEqual([
      ['2', String(line2.indexOf('{{ticket') + 1)],
      ['2', String(line2.indexOf('{{constructor') + 1)],
    ]);
    expect(errors[0]?.textContent).toMatch(/unknown variable "ticket.idd"/);
    const preview = $(root, 'preview-text')!;
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror="window.hacked=1">');
    expect((window as { hacked?: number }).hacked).toBeUndefined();

    await type($(root, 'editor-text'), 'x'.repeat(1_000_000));
    await waitFor(() => $(root, 'text-too-long'));
    await click($(root, 'save-script'));
    await waitFor(() => $(root, 'save-refused'));
    expect($(root, 'save-refused')?.textContent).toMatch(/at most 20000 characters/);
    expect((await db.scripts.get(target))?.text).toBe(original);
  });

  it('silences a check for one script with a reason, and brings it back', async () => {
    await installPack(db, defaultPack);
    const root = await openLibrary();
    // Asking for the name is exactly the greeting that cannot use it yet.
    useLibraryStore.getState().select('default.greeting.ask-name.en');
    await waitFor(() => finding('name-missing'));
    await click($(finding('name-missing')!, 'silence-check'));
    await type($(root, 'silence-reason'), 'We ask for the name here, so it cannot be in the greeting');
    await click(root.querySelector<HTMLElement>('.finding__silence button[type="submit"]'));
    await waitFor(() => !finding('name-missing') && $(root, 'phrasing-silenced', '[data-check="name-missing"]'));
    expect($(root, 'phrasing-silenced')?.textContent).toContain('We ask for the name here');
    expect(await db.silencedChecks.get(['default.greeting.ask-name.en', 'name-missing'])).toMatchObject({ author: 'Meena' });
    await click(root.querySelector<HTMLElement>('[data-testid="phrasing-silenced"] button'));
    await waitFor(() => finding('name-missing'));
  });

  it('keeps locked pack scripts read-only and offers a copy', async () => {
    const pack: Pack = {
      id: 'lead',
      name: 'Lead',
      version: '1.0.0',
      publisher: 'Team lead',
      description: '',
      languages: ['te'],
      scripts: [{ id: 'lead.thanks.te', stage: 'closing', kind: 'gratitude', lang: 'te', title: 'Thanks', text: 'ధన్యవాదాలు {{customer.firstName|అండి}}!', tags: [], channel: 'any', locked: true }],
    };
    await installPack(db, pack);
    const root = await openLibrary();
    useLibraryStore.getState().select('lead.thanks.te');
    await waitFor(() => $(root, 'locked-notice'));
    expect(($(root, 'editor-text') as HTMLTextAreaElement).disabled).toBe(true);
    expect($(root, 'save-script')).toBeNull();
    expect($(root, 'delete-script')).toBeNull();
    await click($(root, 'duplicate-script'));
    await waitFor(() => (useLibraryStore.getState().selectedId ?? '').startsWith('my.closing.'));
    const copy = await db.scripts.get(useLibraryStore.getState().selectedId!);
    expect(copy).toMatchObject({ locked: false, packId: null, text: 'ధన్యవాదాలు {{customer.firstName|అండి}}!' });
  });

  it('deletes with undo, and shows the language versions side by side with the missing ones', async () => {
    await installPack(db, defaultPack);
    // A Tamil script whose group lacks some language (the romanized variants cover only some scripts).
    const groupOf = (id: string) => id.slice(0, id.lastIndexOf('.'));
    const target = defaultPack.scripts.find((s) => s.lang === 'ta' && defaultPack.scripts.filter((o) => groupOf(o.id) === groupOf(s.id)).length < 8)!.id;
    const root = await openLibrary();
    useLibraryStore.getState().select(target);
    await waitFor(() => $(root, 'variants'));
    const variants = $$(root, 'variant').map((v) => [v.getAttribute('data-lang'), v.getAttribute('data-present')]);
    expect(variants).toContainEqual(['en', 'true']);
    expect(variants).toContainEqual(['te', 'true']);
    expect(variants.filter(([, present]) => present === 'false').length).toBeGreaterThan(0);

    await click($(root, 'delete-script'));
    await waitFor(() => $(root, 'undo'));
    expect(await db.scripts.get(target)).toBeUndefined();
    expect(await db.deletedPackScripts.get(target)).toBeDefined();
    await click($(root, 'undo'));
    await waitFor(() => $(root, 'editor', `[data-script-id="${target}"]`));
    expect(await db.scripts.get(target)).toBeDefined();
    expect(await db.deletedPackScripts.get(target)).toBeUndefined();
  });

  it('filters by stage, language and missing language, and searches all four languages', async () => {
    await installPack(db, defaultPack);
    const root = await openLibrary();
    await waitFor(() => Number($(root, 'result-count')?.getAttribute('data-count')) === defaultPack.scripts.length);
    await choose($(root, 'filter-stage'), 'closing');
    await choose($(root, 'filter-lang'), 'te');
    const count = () => Number($(root, 'result-count')?.getAttribute('data-count'));
    await waitFor(() => count() === defaultPack.scripts.filter((s) => s.stage === 'closing' && s.lang === 'te').length);
    for (const row of $$(root, 'script-row')) expect(row.getAttribute('data-script-id')).toMatch(/^default\.closing\..*\.te$/);
    await click(root.querySelector<HTMLElement>('.filters .button--link'));
    await choose($(root, 'filter-missingLang'), 'te-Latn');
    await waitFor(() => count() > 0 && count() < defaultPack.scripts.length);
    for (const row of $$(root, 'script-row')) expect(row.getAttribute('data-script-id')).not.toMatch(/\.te-Latn$/);
    await click(root.querySelector<HTMLElement>('.filters .button--link'));
    for (const [query, lang] of [['ధన్యవాదాలు', 'te'], ['நன்றி', 'ta'], ['धन्यवाद', 'hi'], ['thank', 'en']] as const) {
      await type($(root, 'library-search'), query);
      await waitFor(() => $$(root, 'script-row').length > 0 && $$(root, 'script-row').every((r) => r.getAttribute('data-script-id')!.endsWith(`.${lang}`) || lang === 'en'));
    }
  });

  it('stays responsive with 20,000 scripts: a window of rows in the page, search per keystroke in milliseconds', async () => {
    const library: Script[] = syntheticLibrary(20_000);
    await db.scripts.bulkPut(library);
    const root = await openLibrary();
    const count = () => Number($(root, 'result-count')?.getAttribute('data-count'));
    await waitFor(() => count() >= 20_000, 30_000);
    // Virtualised: only the rows in view (plus a few) are in the document.
    expect($$(root, 'script-row').length).toBeLessThan(60);
    expect(Number($(root, 'script-list')?.getAttribute('data-rows'))).toBeGreaterThanOrEqual(20_000);

    const timings: number[] = [];
    for (const prefix of ['d', 'de', 'del', 'deli', 'deliv', 'delivr']) {
      const started = performance.now();
      await type($(root, 'library-search'), prefix);
      await waitFor(() => $(root, 'result-count')?.getAttribute('aria-busy') === 'false' && count() < 20_000);
      timings.push(performance.now() - started);
    }
    expect(count()).toBeGreaterThan(0);
    expect($$(root, 'script-row').length).toBeLessThan(60);
    // Typing, searching and redrawing the visible rows, in happy-dom on a shared machine: generous, but a list
    // drawing 20,000 rows or a search scanning every text would take seconds.
    const median = [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
    expect(median).toBeLessThan(300);
  }, 60_000);
});
