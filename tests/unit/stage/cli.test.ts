import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'scripts-library/cli/stages.ts');
const dir = mkdtempSync(join(tmpdir(), 'stages-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stages(lines: string[], ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `input-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, file, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const GOOD = JSON.stringify({
  id: 'c1',
  lang: 'en-GB',
  turns: [
    { speaker: 'customer', text: 'hello', at: '2026-05-01T10:00:00Z', stage: 'greeting' },
    { speaker: 'agent', text: 'Hi! How can I help you today?', at: '2026-05-01T10:00:30Z', stage: 'greeting', extra: 1 },
    { speaker: 'customer', text: 'this is the third time my payment failed, useless app 😡', stage: 'recovery' },
  ],
  ignored: true,
});

describe('stages command line', () => {
  it('prints one JSON line per turn', async () => {
    const { code, stdout, stderr } = await stages([GOOD]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'c1', turn: 0, stage: 'greeting', lang: 'en' });
    expect(lines[2]).toMatchObject({ turn: 2, stage: 'recovery' });
    expect(typeof lines[2]?.confidence).toBe('number');
  }, 30_000);

  it('reports bad lines with their number and still processes the others, exiting 1', async () => {
    const { code, stdout, stderr } = await stages([
      GOOD,
      '{"id": "broken", "turns": [',
      JSON.stringify({ id: 'c3', turns: [{ speaker: 'bot', text: 'hi' }] }),
      JSON.stringify({ turns: [] }),
      '',
      JSON.stringify({ id: 'c5', turns: [{ speaker: 'customer', text: 'thanks, bye' }] }),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/:2: broken JSON/);
    expect(stderr).toMatch(/:3 \(id c3\): turns\[0\]\.speaker/);
    expect(stderr).toMatch(/:4: "id" must be a non-empty string/);
    const ids = stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['c1', 'c1', 'c1', 'c5']);
  }, 30_000);

  it('--score prints accuracy, macro-F1, per-stage, per-language and recovery figures', async () => {
    const { code, stdout } = await stages([GOOD], '--score');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ turns: 3, accuracy: 1, macroF1: 1 });
    expect(summary.perStage).toHaveProperty('greeting');
    expect(summary.perLanguage).toHaveProperty('en');
    expect(summary.recoveryOnCustomerTurns).toMatchObject({ precision: 1, recall: 1, support: 1 });
  }, 30_000);
});
