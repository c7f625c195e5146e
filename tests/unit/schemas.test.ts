import { describe, expect, it } from 'vitest';
import { ConversationSnapshot, Pack, Script, describeIssues } from '@/scripts-library/schemas';

const validScript = {
  id: 'team.greeting.hello.en',
  stage: 'greeting',
  kind: 'greeting',
  lang: 'en',
  title: 'Hello',
  text: 'Hi {{customer.firstName|there}}!',
  createdAt: 1,
  updatedAt: 1,
};

describe('Script', () => {
  it('accepts a valid script and fills defaults', () => {
    const script = Script.parse(validScript);
    expect(script).toMatchObject({ tags: [], channel: 'any', packId: null, locked: false, version: 1, editedLocally: false });
  });

  it('rejects bad data with messages that say where and what', () => {
    const result = Script.safeParse({ ...validScript, stage: 'smalltalk', lang: 'fr', text: '', id: 'has space' });
    expect(result.success).toBe(false);
    const problems = describeIssues(result.error!);
    expect(problems.some((p) => p.startsWith('stage:') && p.includes('greeting'))).toBe(true);
    expect(problems.some((p) => p.startsWith('lang:'))).toBe(true);
    expect(problems).toContain('text: must not be empty');
    expect(problems.some((p) => p.startsWith('id: may hold only'))).toBe(true);
  });

  it('refuses oversized text', () => {
    const result = Script.safeParse({ ...validScript, text: 'x'.repeat(20_001) });
    expect(describeIssues(result.error!)).toEqual(['text: must be at most 20000 characters']);
  });
});

describe('Pack', () => {
  it('names the script and field of a problem deep inside', () => {
    const result = Pack.safeParse({
      id: 'p',
      name: 'P',
      version: '1.0',
      publisher: 'Lead',
      languages: ['en'],
      scripts: [{ ...validScript }, { ...validScript, id: 'b', kind: 'joke' }],
    });
    const problems = describeIssues(result.error!);
    expect(problems).toContain('version: must be a semantic version such as 1.2.0');
    expect(problems.some((p) => p.startsWith('scripts[1].kind:'))).toBe(true);
  });
});

describe('ConversationSnapshot', () => {
  it('accepts an adapter reading and rejects a wrong speaker', () => {
    const base = { site: 'demo', url: 'http://127.0.0.1/', messages: [{ speaker: 'customer', text: 'Hi' }] };
    expect(ConversationSnapshot.parse(base).messages[0]).toEqual({ speaker: 'customer', text: 'Hi', at: null });
    const bad = ConversationSnapshot.safeParse({ ...base, messages: [{ speaker: 'bot', text: 'Hi' }] });
    expect(describeIssues(bad.error!)[0]).toMatch(/^messages\[0\]\.speaker:/);
  });
});
