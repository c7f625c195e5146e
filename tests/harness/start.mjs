#!/usr/bin/env node
// `npm start`: runs the product on a fresh machine. Plain JavaScript on purpose: it must work before `npm ci`.
// Installs what is missing (npm packages, Debian's Chromium), builds the extension for the demo helpdesk's origin,
// serves the demo on 127.0.0.1 and opens Chromium with the extension loaded. `--headless` saves a screenshot instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing npm packages (npm ci)…');
  run('npm', ['ci']);
}
// Noto covers Devanagari, Tamil and Telugu, so the sample conversations and scripts render instead of boxes.
const fonts = '/usr/share/fonts/truetype/noto/NotoSansTamil-Regular.ttf';
const missing = [!existsSync(chromium) && 'chromium', !existsSync(fonts) && 'fonts-noto-core'].filter(Boolean);
if (missing.length > 0) {
  if (process.getuid?.() !== 0) {
    if (missing.includes('chromium')) {
      console.error(`Chromium is not at ${chromium}. Install it (Debian: sudo apt-get install -y chromium fonts-noto-core) or set CHROMIUM_PATH.`);
      process.exit(1);
    }
    console.warn('Hindi, Tamil and Telugu text may show as boxes: install fonts-noto-core (Debian) for them.');
  } else {
    console.log(`Installing ${missing.join(' and ')} from Debian…`);
    run('apt-get', ['update', '-q']);
    run('apt-get', ['install', '-y', '-q', ...missing]);
  }
}
console.log('Building the extension…');
run('npx', ['wxt', 'build'], { AGENT_ASSIST_HOSTS: 'http://127.0.0.1/*' });
run('npx', ['tsx', 'tests/harness/run-demo.ts', ...process.argv.slice(2)]);
