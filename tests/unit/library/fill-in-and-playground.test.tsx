// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FillInDialog, needsAnswers } from '@/components/library/FillInDialog';
import { Playground } from '@/components/library/Playground';
import { parseConversationText } from '@/components/library/conversation-text';
import { defaultPack } from '@/scripts-library/default-pack';
import type { Script } from '@/scripts-library/schemas';
import { renderTemplate, type RenderedTemplate } from '@/scripts-library/template';
import { $, $$, choose, click, mount, type, waitFor, type Mounted } from './dom';

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const asScript = (partial: Partial<Script> & Pick<Script, 'id' | 'text'>): Script => ({
  stage: 'solution',
  kind: 'solution',
  lang: 'en',
  title: partial.id,
  tags: [],
  channel: 'any',
  packId: null,
  locked: false,
  version: 1,
  editedLocally: false,
  createdAt: 0,
  updatedAt: 0,
  ...partial,
});

describe('asking before inserting', () => {
  it('asks for fill-in fields, choices and unknown variables, and inserts exactly what it shows', async () => {
    const script = asScript({
      id: 'ship.en',
      text: 'Hi {{customer.firstName}}, order {{field:Order number|AC-}} ships {{choice:When|today|tomorrow}}.{{> sign}}',
    });
    const options = { include: (id: string) => (id === 'sign' ? ' Thanks, {{agent.firstName|the team}}' : null) };
    expect(needsAnswers(renderTemplate(script.text, {}, options))).toBe(true);
    expect(needsAnswers(renderTemplate('Hello {{customer.firstName|there}}', {}))).toBe(false);

    let inserted: RenderedTemplate | null = null;
    mounted = await mount(<FillInDialog script={script} values={{}} options={options} onInsert={(r) => (inserted = r)} onCancel={() => undefined} />);
    const root = mounted.container;
    expect($$(root, 'fill-in-variable').map((i) => i.getAttribute('data-variable'))).toEqual(['customer.firstName']);
    expect($$(root, 'fill-in-field')).toHaveLength(2);
    expect($(root, 'fill-in-preview')?.textContent).toBe('Hi, order AC- ships today. Thanks, the team');

    await type($(root, 'fill-in-variable'), 'Karthik');
    await type($$(root, 'fill-in-field')[0]!, 'AC-52477');
    await choose($$(root, 'fill-in-field')[1]!, 'tomorrow');
    const shown = $(root, 'fill-in-preview')?.textContent;
    expect(shown).toBe('Hi Karthik, order AC-52477 ships tomorrow. Thanks, the team');
    await click($(root, 'fill-in-insert'));
    expect(inserted!.text).toBe(shown);
  });
});

describe('playground', () => {
  const scripts: Script[] = defaultPack.scripts.map((s) => asScript(s));
  const byId = new Map(scripts.map((s) => [s.id, s]));

  it('reads a pasted conversation in any of the speakers’ words', () => {
    expect(parseConversationText('Customer: Hi\nthere\nAgent: Hello!\nA: How can I help?\nவாடிக்கையாளர்: நன்றி')).toEqual([
      { speaker: 'customer', text: 'Hi\nthere' },
      { speaker: 'agent', text: 'Hello!' },
      { speaker: 'agent', text: 'How can I help?' },
      { speaker: 'customer', text: 'நன்றி' },
    ]);
    expect(parseConversationText('just a line')).toEqual([{ speaker: 'customer', text: 'just a line' }]);
  });

  it('shows each turn’s stage with evidence, the suggestions after it, and the review', async () => {
    mounted = await mount(<Playground scripts={scripts} byId={byId} />);
    const root = mounted.container;
    await choose($(root, 'playground-demo'), '1002');
    await waitFor(() => $$(root, 'playground-turn').length === 3);
    const last = $$(root, 'playground-turn').at(-1)!;
    expect(last.getAttribute('data-stage')).toBe('recovery');
    expect(last.getAttribute('data-panel-stage')).toBe('recovery');
    expect($(last, 'turn-evidence')?.textContent).toMatch(/Why:/);
    const suggested = $$(last, 'playground-suggestion');
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.every((s) => s.getAttribute('data-stage') === 'recovery' && s.getAttribute('data-lang') === 'en')).toBe(true);
    const review = Object.fromEntries($$(root, 'review-item').map((i) => [i.getAttribute('data-point'), i.getAttribute('data-status')]));
    expect(review).toMatchObject({ greeting: 'met', name: 'met', empathy: 'pending', apology: 'pending' });

    // A trainer's own Tamil conversation, with a customer name and a chosen reply language.
    await type(
      $(root, 'playground-input'),
      'Customer: வணக்கம், என் ஆர்டர் இன்னும் வரவில்லை!\nAgent: வணக்கம் மீனா, உங்கள் சிரமம் புரிகிறது, மன்னிக்கவும். இன்றே சரிசெய்து தெரிவிக்கிறேன்.\nCustomer: சரி, நன்றி!',
    );
    await type($(root, 'playground-customer'), 'மீனா');
    await waitFor(() => $$(root, 'playground-turn').length === 3 && $$(root, 'playground-turn')[0]!.textContent!.includes('வணக்கம், என்'));
    const tamil = $$(root, 'playground-turn').at(-1)!;
    await waitFor(() => $$(tamil, 'playground-suggestion').length > 0);
    expect($$(tamil, 'playground-suggestion').every((s) => s.getAttribute('data-lang') === 'ta')).toBe(true);
    expect(Object.fromEntries($$(root, 'review-item').map((i) => [i.getAttribute('data-point'), i.getAttribute('data-status')]))).toMatchObject({
      greeting: 'met',
      name: 'met',
    });
    await choose($(root, 'playground-language'), 'te');
    await waitFor(() => $$(tamil, 'playground-suggestion').every((s) => s.getAttribute('data-lang') === 'te'));
  });
});
