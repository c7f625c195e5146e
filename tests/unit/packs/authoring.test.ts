import { describe, expect, it } from 'vitest';
import { buildPackFromFiles, defaultScriptId, isScriptFile } from '@/scripts-library/packs/authoring';
import { diffPacks, formatPackDiff } from '@/scripts-library/packs/diff';
import { lintPackDocument, lintPackText } from '@/scripts-library/packs/lint';
import { makePack } from './helpers';

const meta = { path: 'pack.yaml', content: 'id: acme\nname: Acme support\nversion: 1.0.0\npublisher: Lead\n' };

describe('building a pack from files', () => {
  it('reads Markdown with front matter and YAML, one script a file, in path order', () => {
    const result = buildPackFromFiles(meta, [
      { path: 'scripts/welcome.en.md', content: '---\nstage: greeting\nkind: greeting\nlang: en\ntitle: Welcome\nlocked: true\n---\n\nHi {{customer.firstName|there}}!\nHow can I help?\n\n' },
      { path: 'scripts/closing/thanks.hi.yaml', content: 'stage: closing\nkind: gratitude\nlang: hi\ntitle: धन्यवाद\ntext: |\n  धन्यवाद!\n' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document).toMatchObject({
      id: 'acme',
      languages: ['en', 'hi'],
      scripts: [
        { id: 'acme.closing.thanks.hi', stage: 'closing', lang: 'hi', text: 'धन्यवाद!' },
        { id: 'acme.welcome.en', locked: true, text: 'Hi {{customer.firstName|there}}!\nHow can I help?' },
      ],
    });
    expect(lintPackDocument(result.document)).toEqual({ errors: [], warnings: [] });
  });

  it('names the file and field of every problem', () => {
    const result = buildPackFromFiles(meta, [
      { path: 'scripts/a.md', content: 'no front matter' },
      { path: 'scripts/b.md', content: '---\nstage: nope\nkind: greeting\nlang: en\ntitle: B\n---\nHello' },
      { path: 'scripts/c.yaml', content: 'stage: greeting\nkind: [unclosed\n' },
      { path: 'scripts/d.yaml', content: 'id: same\nstage: greeting\nkind: greeting\nlang: en\ntitle: D\ntext: Hi' },
    ]);
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.problems[0]).toBe('scripts/a.md: expected front matter between two "---" lines, then the wording');
    expect(result.problems[1]).toMatch(/^scripts\/b\.md: stage: Invalid option/);
    expect(result.problems[2]).toMatch(/^scripts\/c\.yaml: line \d+, column \d+: /);
  });

  it('points duplicate ids at the files that hold them', () => {
    const script = (title: string) => `id: same\nstage: greeting\nkind: greeting\nlang: en\ntitle: ${title}\ntext: Hi`;
    const result = buildPackFromFiles(meta, [{ path: 'x.yaml', content: script('X') }, { path: 'y.yaml', content: script('Y') }]);
    expect(result).toEqual({ ok: false, problems: ['y.yaml (scripts[1]).id: "same" is used twice (first at scripts[0]); ids must be unique'] });
  });

  it('knows which files are scripts, and derives ids from paths', () => {
    expect(['pack.yaml', 'README.md', 'scripts/README.md', 'notes.txt'].map(isScriptFile)).toEqual([false, false, false, false]);
    expect(['a.md', 'scripts/b.yml', 'c/d.YAML'].map(isScriptFile)).toEqual([true, true, true]);
    expect(defaultScriptId('acme', 'scripts/Greeting Cards/welcome (new).en.md')).toBe('acme.Greeting.Cards.welcome.new.en');
  });
});

describe('lint', () => {
  it('reports template errors and languages missing from the list as errors', () => {
    const report = lintPackDocument(makePack('1.0.0', [{ id: 'a', text: 'Hi {{custmer.name}}, {{' }, { id: 'b', lang: 'hi', text: 'नमस्ते' }]));
    expect(report.errors).toEqual([
      expect.stringMatching(/^scripts\[0\]\.text: unknown variable "custmer\.name" \(known: customer\.firstName, .*\) at character 4$/),
      'scripts[0].text: "{{" is never closed with "}}" at character 22',
      'scripts[1].lang: "hi" is not in the pack\'s languages (en)',
    ]);
  });

  it('warns about wording and consistency worth a look', () => {
    const report = lintPackDocument({
      ...makePack('1.0.0', [
        { id: 'a', lang: 'hi', text: 'Namaste ji' },
        { id: 'b', kind: 'apology', text: ' Sorry!!! ' },
        { id: 'c', text: 'Hello  TODO {{cursor}} {{cursor}}' },
        { id: 'd', text: 'Text of e' },
        { id: 'e' },
      ], { languages: ['en', 'hi', 'ta'] }),
      extra: 1,
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      'extra: not a pack member; it is ignored',
      'scripts[0].text: written without Devanagari letters, but lang is "hi" (romanized text is "hi-Latn")',
      'scripts[1].text: starts or ends with spaces or blank lines',
      'scripts[1].text: repeated ! or ? reads as shouting',
      'scripts[1].kind: "apology" is unusual in the greeting stage (expected greeting)',
      'scripts[2].text: has a double space',
      'scripts[2].text: has more than one {{cursor}}; the first one wins',
      'scripts[2].text: looks like a placeholder (TODO, FIXME or lorem ipsum)',
      'scripts[4].text: same wording as scripts[3]',
      'languages: "ta" is listed but no script uses it',
    ]);
  });

  it('reports schema problems with typo warnings for a broken file', () => {
    const report = lintPackText(JSON.stringify({ ...makePack('1.0.0', [{ id: 'a' }]), scripts: [{ id: 'a', stgae: 'greeting' }] }));
    expect(report.errors.some((e) => e.startsWith('scripts[0].stage: '))).toBe(true);
    expect(report.warnings).toEqual(['scripts[0].stgae: not a script member; it is ignored']);
  });
});

describe('diffPacks', () => {
  it('lists added, removed and changed scripts field by field', () => {
    const older = makePack('1.0.0', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const newer = makePack('1.1.0', [{ id: 'a' }, { id: 'b', text: 'New b', locked: true }, { id: 'd', stage: 'closing', kind: 'gratitude' }], { name: 'Team pack 2' });
    const diff = diffPacks(older, newer);
    expect(diff.added.map((s) => s.id)).toEqual(['d']);
    expect(diff.removed.map((s) => s.id)).toEqual(['c']);
    expect(diff.changed).toEqual([{ id: 'b', changes: [{ field: 'text', before: 'Text of b', after: 'New b' }, { field: 'locked', before: false, after: true }] }]);
    expect(diff.unchanged).toBe(1);
    expect(formatPackDiff(diff)).toEqual([
      '~ pack.name: "Team pack" → "Team pack 2"',
      '~ pack.version: "1.0.0" → "1.1.0"',
      '+ d (closing, en): "Text of d"',
      '- c: "Text of c"',
      '~ b.text: "Text of b" → "New b"',
      '~ b.locked: false → true',
      '1 added, 1 removed, 1 changed, 1 unchanged',
    ]);
  });

  it('warns when the version did not move forward', () => {
    expect(formatPackDiff(diffPacks(makePack('2.0.0', []), makePack('1.0.0', [])))).toContain('! the new version is older: agents will refuse it unless they ask for a rollback');
    expect(formatPackDiff(diffPacks(makePack('2.0.0', []), makePack('2.0.0', [])))).toContain('! the version did not change: agents already on it will not update');
  });
});
