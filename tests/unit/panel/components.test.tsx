// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { HealCoach } from '@/components/panel/HealCoach';
import { StageTimeline, type TimelineTurn } from '@/components/panel/StageTimeline';
import type { InsertableScript } from '@/components/panel/SuggestionItem';
import { SuggestionList } from '@/components/panel/SuggestionList';
import { healProgress } from '@/scripts-library/heal';
import { RankingIndex } from '@/scripts-library/ranking';
import { renderTemplate } from '@/scripts-library/template';
import { $, $$, click, mount, type Mounted } from '../library/dom';
import { moment, script } from '../ranking/helpers';

let mounted: Mounted | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const items: InsertableScript[] = new RankingIndex([
  script('a', { kind: 'apology', text: 'I am so sorry, {{customer.firstName|there}}.' }),
  script('b', { text: 'I can only imagine how frustrating this is.' }),
  script('c', { text: 'Tell me everything that happened.' }),
])
  .rank(moment({ nextHealStep: 'empathise' }))
  .map((r) => ({ script: r.script, factors: r.factors, rendered: renderTemplate(r.script.text, { 'customer.firstName': 'Meera' }) }));

async function key(target: Element, keyName: string): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true }));
  });
}

describe('suggestion list', () => {
  it('keeps the contract attributes, moves with the arrows and inserts with Enter', async () => {
    const inserted: string[] = [];
    mounted = await mount(
      <SuggestionList items={items} testId="suggestion" listTestId="suggestions" labelledBy="x" favourites={new Set(['b'])} onInsert={(i) => inserted.push(i.script.id)} onCopy={() => {}} onToggleFavourite={() => {}} />,
    );
    const cards = $$(mounted.container, 'suggestion');
    expect(cards.map((c) => c.dataset.scriptId)).toEqual(['a', 'b', 'c']);
    expect(cards[0]!.dataset).toMatchObject({ stage: 'recovery', lang: 'en', kind: 'apology' });
    expect($(cards[0]!, 'suggestion-text')!.textContent).toBe('I am so sorry, Meera.');
    // One tab stop: the first card; the others are reached with the arrows.
    expect(cards.map((c) => c.tabIndex)).toEqual([0, -1, -1]);
    await act(async () => cards[0]!.focus());
    await key(cards[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(cards[1]);
    await key(cards[1]!, 'End');
    expect(document.activeElement).toBe(cards[2]);
    await key(cards[2]!, 'Enter');
    expect(inserted).toEqual(['c']);
    // The favourite is shown as pressed.
    expect($(cards[1]!, 'favourite')!.getAttribute('aria-pressed')).toBe('true');
    // Why the first is first, tied to its button for screen readers.
    const why = $(cards[0]!, 'why')!;
    expect($(cards[0]!, 'why-button')!.getAttribute('aria-describedby')).toBe(why.id);
    expect($$(why, 'why-factor').map((f) => f.dataset.factor)).toEqual(expect.arrayContaining(['stage', 'language', 'kind', 'heal']));
  });
});

describe('HEAL coach', () => {
  it('shows each step done or not, where it was done, and the scripts it offers', async () => {
    const progress = healProgress([{ text: 'I am so sorry about this.', lang: 'en', source: 'draft' }]);
    mounted = await mount(
      <HealCoach progress={progress} offered={new Map([['lead', items.slice(0, 1)]])} favourites={new Set()} onInsert={() => {}} onCopy={() => {}} onToggleFavourite={() => {}} />,
    );
    const steps = $$(mounted.container, 'heal-step');
    expect(steps.map((s) => [s.dataset.step, s.dataset.done, s.dataset.source])).toEqual([
      ['hear', 'false', ''],
      ['empathise', 'true', 'draft'],
      ['lead', 'false', ''],
      ['provide', 'false', ''],
    ]);
    expect($(mounted.container, 'heal-coach')!.dataset.next).toBe('hear');
    expect($$(steps[2]!, 'heal-offer')).toHaveLength(1);
    expect($$(steps[0]!, 'heal-offer')).toHaveLength(0);
  });
});

describe('stage timeline', () => {
  const turns: TimelineTurn[] = [
    { speaker: 'customer', text: 'Where is my order?', stage: 'discovery', confidence: 0.8, dissatisfaction: 0.1, lang: 'en' },
    { speaker: 'agent', text: 'Let me check.', stage: 'discovery', confidence: 0.7, dissatisfaction: 0, lang: 'en' },
    { speaker: 'customer', text: 'This is ridiculous!', stage: 'recovery', confidence: 0.9, dissatisfaction: 0.9, lang: 'en' },
  ];

  it('draws one coloured mark per turn and shows the turn that is clicked', async () => {
    let selected: number | null = null;
    const render = () => <StageTimeline turns={turns} selected={selected} onSelect={(i) => (selected = i)} />;
    mounted = await mount(render());
    const marks = $$(mounted.container, 'timeline-turn');
    expect(marks.map((m) => [m.dataset.stage, m.dataset.speaker])).toEqual([
      ['discovery', 'customer'],
      ['discovery', 'agent'],
      ['recovery', 'customer'],
    ]);
    expect($(mounted.container, 'timeline-mood')!.getAttribute('aria-label')).toMatch(/calm.*upset/);
    await click(marks[2]!);
    expect(selected).toBe(2);
    await act(async () => mounted!.root.render(render()));
    const detail = $(mounted.container, 'timeline-detail')!;
    expect(detail.dataset.stage).toBe('recovery');
    expect(detail.textContent).toContain('This is ridiculous!');
    expect(marks[2]!.getAttribute('aria-pressed')).toBe('true');
  });
});
