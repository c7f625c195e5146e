import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_VARIABLES, parseTemplate, renderTemplate, type TemplateValues } from '@/scripts-library/template';

// Property-based: the renderer is fed text from packs nobody here wrote, so it must hold up on any input at all.

/** Characters that matter to the parser, mixed with Indic, markup and prototype-ish words. */
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom('{{', '}}', '{', '}', '|', ':', '>', ' ', '\n', '<img src=x onerror=alert(1)>', '&amp;', '<script>'),
  fc.constantFrom('constructor', '__proto__', 'toString', 'field:', 'choice:', 'date:+', '> ', 'cursor'),
  fc.constantFrom(...TEMPLATE_VARIABLES),
  fc.constantFrom('வணக்கம்', 'नमस्ते', 'నమస్కారం', '🙏', '\u200d', 'é'),
);
const templateText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const values: fc.Arbitrary<TemplateValues> = fc.dictionary(fc.constantFrom(...TEMPLATE_VARIABLES), fc.option(fc.string(), { nil: null }));
const answers = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('constructor', '__proto__')), fc.string());
const noMarkup = (text: string) => !/[<>&]/.test(text);

describe('template properties', () => {
  it('never throws, on any text with any values, answers and includes', () => {
    fc.assert(
      fc.property(templateText, values, answers, fc.dictionary(fc.string(), templateText), (source, vals, ans, library) => {
        const out = renderTemplate(source, vals, { answers: ans, include: (id) => library[id], now: 0, lang: 'ta' });
        expect(typeof out.text).toBe('string');
        expect(out.cursor === null || (out.cursor >= 0 && out.cursor <= out.text.length)).toBe(true);
        for (const error of out.errors) expect(error.index).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never produces markup that was not in the script, its values or its answers', () => {
    const safe = fc.string().filter(noMarkup);
    const safeTemplate = templateText.filter(noMarkup);
    fc.assert(
      fc.property(safeTemplate, fc.dictionary(fc.constantFrom(...TEMPLATE_VARIABLES), safe), fc.dictionary(fc.string(), safe), (source, vals, ans) => {
        const out = renderTemplate(source, vals, { answers: ans, placeholders: true });
        expect(noMarkup(out.text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives plain text back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('{{')), (text) => {
        const out = renderTemplate(text, { 'customer.name': 'X' });
        expect(out.text).toBe(text);
        expect(out.errors).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every character of a template that holds no valid tag', () => {
    fc.assert(
      fc.property(templateText, (source) => {
        fc.pre(parseTemplate(source).nodes.every((node) => node.type === 'text'));
        expect(renderTemplate(source, {}).text).toBe(source);
      }),
      { numRuns: 500 },
    );
  });

  it('inserts values verbatim, even when they look like tags', () => {
    fc.assert(
      fc.property(templateText, (value) => {
        fc.pre(value.trim() === value && value !== '');
        expect(renderTemplate('{{customer.name}}', { 'customer.name': value }).text).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a rendered text as plain text again: rendering twice changes nothing when no tag is left', () => {
    fc.assert(
      fc.property(templateText, values, (source, vals) => {
        const once = renderTemplate(source, vals).text;
        fc.pre(parseTemplate(once).nodes.every((node) => node.type === 'text'));
        expect(renderTemplate(once, vals).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
