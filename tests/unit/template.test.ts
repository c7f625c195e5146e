import { describe, expect, it } from 'vitest';
import { firstNameOf, parseTemplate, renderTemplate } from '@/scripts-library/template';

describe('renderTemplate', () => {
  it('fills variables from the conversation', () => {
    const out = renderTemplate('Hi {{customer.firstName}}, I am {{agent.firstName}} from {{company}}.', {
      'customer.firstName': 'Asha',
      'agent.firstName': 'Priya',
      company: 'Acme',
    });
    expect(out.text).toBe('Hi Asha, I am Priya from Acme.');
    expect(out.missing).toEqual([]);
    expect(out.errors).toEqual([]);
  });

  it('uses the fallback when the value is unknown or blank', () => {
    expect(renderTemplate('Hi {{customer.firstName|there}}!', {}).text).toBe('Hi there!');
    expect(renderTemplate('Hi {{customer.firstName|there}}!', { 'customer.firstName': '   ' }).text).toBe('Hi there!');
    expect(renderTemplate('नमस्ते {{customer.firstName|जी}}', {}).text).toBe('नमस्ते जी');
  });

  it('closes the gap an empty fallback leaves, and only that one', () => {
    expect(renderTemplate('Hello {{customer.firstName|}}, welcome back', {}).text).toBe('Hello, welcome back');
    expect(renderTemplate('Thanks {{customer.firstName|}} !', {}).text).toBe('Thanks !');
    expect(renderTemplate('Two  spaces stay  as written', {}).text).toBe('Two  spaces stay  as written');
  });

  it('reports a variable with neither value nor fallback as missing, once', () => {
    const out = renderTemplate('{{ticket.id}} and {{ticket.id}}', {});
    expect(out.missing).toEqual(['ticket.id']);
    expect(out.text).toBe(' and ');
  });

  it('marks where the caret goes', () => {
    const out = renderTemplate('Dear {{customer.firstName|customer}},\n{{cursor}}\nRegards', { 'customer.firstName': 'Ravi' });
    expect(out.text).toBe('Dear Ravi,\n\nRegards');
    expect(out.cursor).toBe('Dear Ravi,\n'.length);
  });

  it('keeps line breaks and plain text exactly', () => {
    const text = 'Line one\n\n  Line three\twith tab — and emoji 🙏 and "quotes" <b>not markup</b>';
    expect(renderTemplate(text, {}).text).toBe(text);
  });

  it('inserts values as text, never as template or markup', () => {
    const out = renderTemplate('Hi {{customer.name}}', { 'customer.name': '{{agent.name}} <img src=x onerror=alert(1)>' });
    expect(out.text).toBe('Hi {{agent.name}} <img src=x onerror=alert(1)>');
  });

  it('gives syntax errors with their position and keeps the text', () => {
    const unknown = parseTemplate('Hi {{constructor}} and {{__proto__}}');
    expect(unknown.errors.map((e) => e.index)).toEqual([3, 23]);
    expect(unknown.errors[0]?.message).toMatch(/unknown variable "constructor"/);
    const unclosed = renderTemplate('Hi {{customer.firstName', {});
    expect(unclosed.errors).toEqual([{ message: '"{{" is never closed with "}}"', index: 3 }]);
    expect(unclosed.text).toBe('Hi {{customer.firstName');
  });
});

describe('firstNameOf', () => {
  it('takes the first word of a name', () => {
    expect(firstNameOf('Priya Sharma')).toBe('Priya');
    expect(firstNameOf('  முருகன்  ')).toBe('முருகன்');
  });
  it('gives null for nothing or an email address', () => {
    expect(firstNameOf(null)).toBeNull();
    expect(firstNameOf('')).toBeNull();
    expect(firstNameOf('asha@example.com')).toBeNull();
  });
});
