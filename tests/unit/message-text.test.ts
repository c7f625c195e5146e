// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { elementText, messageText, timeOf, trimReplyNoise } from '@/entrypoints/content/adapters/message-text';

function element(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('elementText', () => {
  it('turns paragraphs and <br> into line breaks and tidies spaces', () => {
    expect(elementText(element('<p>Hello  Asha,</p><p>Line one<br>Line two</p>'))).toBe('Hello Asha,\n\nLine one\nLine two');
  });
  it('skips scripts, buttons, hidden parts and quoted mail', () => {
    const el = element('<p>Reply</p><script>x()</script><button>Copy</button><span hidden>h</span><div class="gmail_quote">old mail</div><blockquote type="cite">older</blockquote>');
    expect(elementText(el)).toBe('Reply');
  });
});

describe('trimReplyNoise', () => {
  it('cuts quoted history, > lines and phone signatures', () => {
    expect(trimReplyNoise('Still waiting.\n\nOn Mon, 3 Mar 2026 at 10:00, Acme <help@acme.test> wrote:\n> earlier')).toBe('Still waiting.');
    expect(trimReplyNoise('Thanks\n> quoted\nbye\nSent from my iPhone')).toBe('Thanks\nbye');
    expect(trimReplyNoise('Gracias\n\nEl lun, 3 mar 2026, Acme escribió:\nhola')).toBe('Gracias');
    expect(trimReplyNoise('Regards,\nRavi\n-- \nRavi Kumar | Pune')).toBe('Regards,\nRavi');
  });
  it('leaves ordinary text alone', () => {
    expect(trimReplyNoise('मेरा ऑर्डर अभी तक नहीं आया।\nकृपया देखें।')).toBe('मेरा ऑर्डर अभी तक नहीं आया।\nकृपया देखें।');
  });
  it('messageText combines both', () => {
    expect(messageText(element('<p>Hi</p><p>Sent from my Android</p>'))).toBe('Hi');
  });
});

describe('timeOf', () => {
  it('reads datetime, title and epoch attributes', () => {
    expect(timeOf(element('').appendChild(Object.assign(document.createElement('time'), { dateTime: '2026-03-04T10:15:00Z' })))).toBe('2026-03-04T10:15:00.000Z');
    const span = document.createElement('span');
    span.setAttribute('data-timestamp', '1767225600');
    expect(timeOf(span)).toBe('2026-01-01T00:00:00.000Z');
    expect(timeOf(document.createElement('span'))).toBeNull();
    expect(timeOf(null)).toBeNull();
  });
});

describe('elementText line breaks', () => {
  it('puts one break between divs and a blank line between paragraphs, like innerText', () => {
    expect(elementText(element('<div>Hi,</div><div>Thanks for writing.</div>'))).toBe('Hi,\nThanks for writing.');
    expect(elementText(element('<p>One</p>\n  <p>Two</p>'))).toBe('One\n\nTwo');
    expect(elementText(element('<div><div>Nested</div></div><div>Next<br>line</div>'))).toBe('Nested\nNext\nline');
    expect(elementText(element('<span>inline</span> <b>words</b>'))).toBe('inline words');
  });
});
