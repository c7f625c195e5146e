import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPacksCli } from '@/scripts-library/cli/packs';
import { makePack } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'packs-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPacksCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
const write = (name: string, value: unknown) => writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));

describe('packs command line', () => {
  it('takes a lead from init to a built, linted, signed and verified pack', async () => {
    expect(await run('init', 'acme', '--id', 'acme', '--name', 'Acme')).toMatchObject({ code: 0, stdout: expect.stringMatching(/started pack "acme" in acme/) });
    expect((await run('init', 'acme')).code).toBe(1);
    const build = await run('build', 'acme', '--out', 'acme.json');
    expect(build).toMatchObject({ code: 0, stderr: 'built acme 1.0.0: 2 scripts → acme.json' });
    expect(await run('lint', 'acme.json')).toMatchObject({ code: 0, stdout: 'acme.json: 0 errors, 0 warnings' });
    expect(await run('lint', 'acme')).toMatchObject({ code: 0 });

    const keygen = await run('keygen', '--out', 'lead');
    expect(keygen.code).toBe(0);
    const publicKey = readFileSync(join(dir, 'lead.pub'), 'utf8').trim();
    expect(keygen.stdout).toBe(publicKey);
    expect(statSync(join(dir, 'lead.key.json')).mode & 0o777).toBe(0o600);
    expect((await run('keygen', '--out', 'lead')).code).toBe(1);

    expect(await run('sign', 'acme.json', '--key', 'lead.key.json')).toMatchObject({ code: 0, stdout: `signed acme.json with key ${publicKey}` });
    expect(await run('verify', 'acme.json', '--key', 'lead.pub')).toMatchObject({ code: 0, stdout: `acme.json: signature valid (key ${publicKey.slice(0, 12)}…)` });
    expect(await run('verify', 'acme.json', '--key', publicKey)).toMatchObject({ code: 0 });
    expect(await run('validate', 'acme.json')).toMatchObject({ code: 0, stdout: `acme.json: valid pack acme 1.0.0, 2 scripts, signed with key ${publicKey.slice(0, 12)}…` });

    // One byte changed after signing.
    const signed = readFileSync(join(dir, 'acme.json'), 'utf8');
    write('tampered.json', signed.replace('Genuine thanks', 'Genuine thankz'));
    expect(await run('verify', 'tampered.json', '--key', 'lead.pub')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'tampered.json: signature: the signature does not match the contents: the pack was changed after it was signed\n1 problem',
    });
    expect((await run('validate', 'tampered.json')).code).toBe(1);

    await run('keygen', '--out', 'other');
    expect(await run('verify', 'acme.json', '--key', 'other.pub')).toMatchObject({ code: 1, stderr: expect.stringMatching(/valid, but made with key .*, not with /) });
  });

  it('lists every problem of an invalid pack by JSON path and exits 1', async () => {
    write('bad.json', { ...makePack('1.0.0', [{ id: 'a' }, { id: 'a' }]), version: '1.0', scripts: [{ id: 'a', stage: 'nope', kind: 'greeting', lang: 'en', title: 'A', text: 'x' }, { id: 'a', stage: 'greeting', kind: 'greeting', lang: 'xx', title: '', text: 'y' }] });
    const result = await run('validate', 'bad.json');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'bad.json: version: must be a semantic version such as 1.2.0',
      expect.stringMatching(/^bad\.json: scripts\[0\]\.stage: Invalid option: expected one of "greeting"/),
      expect.stringMatching(/^bad\.json: scripts\[1\]\.lang: Invalid option/),
      expect.stringMatching(/^bad\.json: scripts\[1\]\.title: /),
      'bad.json: scripts[1].id: "a" is used twice (first at scripts[0]); ids must be unique',
      '5 problems',
    ]);
    expect((await run('sign', 'bad.json', '--key', 'nokey.json')).code).toBe(2);
    write('key.json', '{"kty":"RSA"}');
    expect(await run('sign', 'bad.json', '--key', 'key.json')).toMatchObject({ code: 1 });
    write('broken.json', '{"id": "a",');
    expect(await run('lint', 'broken.json')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error {4}\(file\): not valid JSON: expected a quoted member name, found the end of the file \(line 1, column 12\)/) });
  });

  it('answers usage errors with exit code 2 and the usage text', async () => {
    for (const args of [[], ['frobnicate'], ['validate'], ['validate', 'a.json', 'b.json'], ['sign', 'x.json'], ['verify', 'x.json'], ['diff', 'one.json'], ['build', 'x', '--bogus'], ['validate', 'missing.json'], ['keygen', '--out']]) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/Usage: npm run -s packs -- <command>/);
    }
    expect(await run('--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage/) });
  });

  it('diffs two versions', async () => {
    write('old.json', makePack('1.0.0', [{ id: 'a' }, { id: 'b' }]));
    write('new.json', makePack('1.1.0', [{ id: 'a', text: 'New a' }, { id: 'c' }]));
    const result = await run('diff', 'old.json', 'new.json');
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout.split('\n')).toEqual(['~ pack.version: "1.0.0" → "1.1.0"', '+ c (greeting, en): "Text of c"', '- b: "Text of b"', '~ a.text: "Text of a" → "New a"', '1 added, 1 removed, 1 changed, 0 unchanged']);
    expect(JSON.parse((await run('diff', 'old.json', 'new.json', '--json')).stdout)).toMatchObject({ added: [{ id: 'c' }], removed: [{ id: 'b' }] });
  });

  it('builds from a folder and reports file problems with exit code 1', async () => {
    await run('init', 'p');
    write('p/scripts/broken.md', '---\nstage: greeting\nkind: greeting\nlang: en\n---\nHi');
    expect(await run('build', 'p')).toEqual({ code: 1, stdout: '', stderr: 'scripts/broken.md: title: missing (expected string)\n1 problem' });
    expect((await run('build', 'nowhere')).code).toBe(2);
  });

  it('runs as `npm run -s packs` with real exit codes', async () => {
    write('ok.json', makePack('1.0.0', [{ id: 'a' }]));
    write('bad.json', '{}');
    const exec = promisify(execFile);
    const npm = (command: string, file: string) =>
      exec('npm', ['run', '-s', '--prefix', ROOT, 'packs', '--', command, join(dir, file)], { cwd: dir }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    expect(await npm('validate', 'ok.json')).toMatchObject({ code: 0, stdout: expect.stringMatching(/valid pack team 1\.0\.0, 1 scripts, unsigned/) });
    expect(await npm('validate', 'bad.json')).toMatchObject({ code: 1, stderr: expect.stringMatching(/id: missing \(expected string\)/) });
  }, 30_000);
});
