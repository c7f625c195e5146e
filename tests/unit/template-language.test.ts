import { describe, expect, it } from 'vitest';
import {
  MAX_INCLUDE_DEPTH,
  MAX_REPORTED_ERRORS,
  includedScriptIds,
  parseTemplate,
  positionOf,
  renderTemplate,
} from '@/scripts-library/template';

// Wednesday 18 November 2026, 09:00 in Kolkata.
const NOW = Date.parse('2026-11-18T03:30:00Z');
const TZ = 'Asia/Kolkata';

describe('fill-in fields and choices', () => {
  it('asks each label once, fills in the answers, and lists what is unanswered', () => {
    const source = 'Order {{field:Order number}} ships {{choice:When|today|tomorrow}}. Again: {{field:Order number}}.';
    const unanswered = renderTemplate(source, {});
    expect(unanswered.fields).toEqual([
      { kind: 'text', label: 'Order number', suggested: null },
      { kind: 'choice', label: 'When', options: ['today', 'tomorrow'] },
    ]);
    expect(unanswered.unanswered).toEqual(['Order number', 'When']);
    // Without answers the first option stands in for a choice, and nothing for a text field.
    expect(unanswered.text).toBe('Order ships today. Again:.');

    const answered = renderTemplate(source, {}, { answers: { 'Order number': 'AC-1', When: 'tomorrow' } });
    expect(answered.text).toBe('Order AC-1 ships tomorrow. Again: AC-1.');
    expect(answered.unanswered).toEqual([]);
  });

  it('uses a text field’s suggested answer until the agent types another, and labels may be in any language', () => {
    const out = renderTemplate('ஆர்டர் எண் {{field:ஆர்டர் எண்|AC-}}', {});
    expect(out.fields).toEqual([{ kind: 'text', label: 'ஆர்டர் எண்', suggested: 'AC-' }]);
    expect(out.text).toBe('ஆர்டர் எண் AC-');
    expect(renderTemplate('{{field:ஆர்டர் எண்|AC-}}', {}, { answers: { 'ஆர்டர் எண்': 'AC-52477' } }).text).toBe('AC-52477');
  });

  it('shows placeholders in previews', () => {
    const out = renderTemplate('Hi {{customer.firstName}}, order {{field:Order}}', {}, { placeholders: true });
    expect(out.text).toBe('Hi [customer.firstName], order [Order]');
  });

  it('refuses malformed fields with a message and the position', () => {
    const { errors } = parseTemplate('a {{field:}} b {{choice:Only|one}} c {{choice:|x|y}}');
    expect(errors.map((e) => e.index)).toEqual([2, 15, 37]);
    expect(errors[0]?.message).toMatch(/needs a label/);
    expect(errors[1]?.message).toMatch(/at least two options/);
    expect(parseTemplate(`{{field:${'x'.repeat(61)}}}`).errors[0]?.message).toMatch(/longer than 60/);
  });

  it('never reads an answer from the prototype', () => {
    const out = renderTemplate('{{field:constructor}}|{{field:__proto__}}|{{field:toString}}', {}, { answers: {} });
    expect(out.text).toBe('||');
    expect(out.unanswered).toEqual(['constructor', '__proto__', 'toString']);
  });
});

describe('includes', () => {
  const library: Record<string, string> = {
    greet: 'Hello {{customer.firstName|there}},',
    body: 'your order {{field:Order}} is on its way.',
    close: '{{> sign}}',
    sign: 'Thanks, {{agent.firstName|the team}}',
    loopA: 'A {{> loopB}}',
    loopB: 'B {{> loopA}}',
    self: 'me {{> self}}',
  };
  const include = (id: string) => library[id];

  it('stacks a greeting, a body and a closing', () => {
    const out = renderTemplate('{{> greet}} {{> body}}\n{{> close}}', { 'customer.firstName': 'Meera' }, { include, answers: { Order: 'AC-9' } });
    expect(out.text).toBe('Hello Meera, your order AC-9 is on its way.\nThanks, the team');
    expect(out.includes).toEqual(['greet', 'body', 'close', 'sign']);
    expect(out.fields?.map((f) => f.label)).toEqual(['Order']);
    expect(out.errors).toEqual([]);
    expect(includedScriptIds('{{> greet}} {{>body}} {{> greet}}')).toEqual(['greet', 'body']);
  });

  it('stops cycles and says which scripts form them, pointing at the outer include', () => {
    const out = renderTemplate('x {{> loopA}} y', {}, { include });
    expect(out.text).toBe('x A B y');
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toEqual({ message: '"loopA" includes itself (loopA → loopB → loopA)', index: 2 });
    expect(renderTemplate('{{> self}}', {}, { include }).errors[0]?.message).toMatch(/self → self/);
  });

  it('limits depth', () => {
    const chain = (id: string) => (/^n\d+$/.test(id) ? `${id} {{> n${Number(id.slice(1)) + 1}}}` : null);
    const out = renderTemplate('{{> n0}}', {}, { include: chain });
    expect(out.errors[0]?.message).toMatch(new RegExp(`deeper than ${MAX_INCLUDE_DEPTH}`));
    expect(out.text.split(' ').filter(Boolean)).toHaveLength(MAX_INCLUDE_DEPTH);
  });

  it('reports an unknown script and problems inside an included one', () => {
    const out = renderTemplate('Hi {{> nope}} {{> broken}}', {}, { include: (id) => (id === 'broken' ? 'bad {{oops}}' : null) });
    expect(out.errors).toEqual([
      { message: 'no script with the id "nope" to include', index: 3 },
      { message: expect.stringMatching(/unknown variable "oops".*\(in included script "broken"\)/) as unknown as string, index: 14 },
    ]);
    expect(parseTemplate('{{> ../etc}} {{> __proto__}}').errors).toHaveLength(2);
  });

  it('survives a resolver that throws', () => {
    const out = renderTemplate('a {{> x}}', {}, {
      include: () => {
        throw new Error('boom');
      },
    });
    expect(out.text).toBe('a ');
    expect(out.errors[0]?.message).toMatch(/no script/);
  });
});

describe('dates', () => {
  it('writes today, tomorrow and offsets in the script’s language', () => {
    const en = renderTemplate('{{today}} / {{tomorrow}} / {{date:+3}} / {{date:-1}}', {}, { now: NOW, timeZone: TZ, lang: 'en' });
    expect(en.text).toBe('18 November 2026 / 19 November 2026 / 21 November 2026 / 17 November 2026');
    const ta = renderTemplate('{{date:+1}}', {}, { now: NOW, timeZone: TZ, lang: 'ta' }).text;
    expect(ta).toMatch(/நவம்பர்/);
    expect(renderTemplate('{{today}}', {}, { now: NOW, timeZone: TZ, lang: 'hi' }).text).toMatch(/नवंबर/);
    expect(renderTemplate('{{today}}', {}, { now: NOW, timeZone: TZ, lang: 'te' }).text).toMatch(/నవంబర్/);
  });

  it('skips weekends for workdays', () => {
    // Wednesday + 3 workdays = Monday; Wednesday - 3 workdays = the Friday before.
    expect(renderTemplate('{{date:+3 workdays}}', {}, { now: NOW, lang: 'en', timeZone: 'UTC' }).text).toBe('23 November 2026');
    expect(renderTemplate('{{date:-3 workdays}}', {}, { now: NOW, lang: 'en', timeZone: 'UTC' }).text).toBe('13 November 2026');
  });

  it('prefers a value the panel passes for today, and refuses silly offsets', () => {
    expect(renderTemplate('{{today}}', { today: '20/11/2026' }, { now: NOW }).text).toBe('20/11/2026');
    expect(parseTemplate('{{date:+1000}} {{date:soon}} {{date:+2 weeks}}').errors).toHaveLength(3);
  });
});

describe('syntax errors', () => {
  it('finds the stray opening and still reads the tag after it', () => {
    const source = 'Hi {{ oops {{customer.firstName|there}}!';
    const out = renderTemplate(source, {});
    expect(out.errors).toEqual([{ message: '"{{" is never closed with "}}"', index: 3 }]);
    expect(out.text).toBe('Hi {{ oops there!');
  });

  it('gives line and column for an offset', () => {
    const source = 'one\ntwo {{bad}}\nthree';
    const [error] = parseTemplate(source).errors;
    expect(positionOf(source, error!.index)).toEqual({ line: 2, column: 5 });
    expect(positionOf(source, 0)).toEqual({ line: 1, column: 1 });
  });

  it('caps the list of problems on a megabyte of braces, and keeps every character', () => {
    const source = '{{x}}'.repeat(200_000);
    const started = performance.now();
    const out = renderTemplate(source, {});
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(out.errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(out.errors.at(-1)?.message).toBe(`… and ${200_000 - MAX_REPORTED_ERRORS} more problems`);
    expect(out.text).toBe(source);
  });
});
