import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { readPackBytes } from '../../scripts-library/packs/format';
import { checkPackSignature, generatePackKeyPair, signPackDocument } from '../../scripts-library/packs/signature';
import { LANGUAGES, STAGES, type Pack, type PackScript, type Script } from '../../scripts-library/schemas';
import { createDatabase } from '../../storage/database';
import { importPack } from '../../storage/packs';
import { round, summarise, timeRuns, type TimingSummary } from './measure';

/**
 * Validating and installing a 10,000-script signed pack: in Node over fake-indexeddb, and in Chromium's real
 * IndexedDB (the same code, bundled for the page; target ≤ 1.5 s there). Named baseline, same run and database:
 * a bare Dexie bulkPut of the same 10,000 rows, with no validation, signature check or merge planning; the ratio
 * says what those safeguards cost. Figures only; nothing here asserts a time.
 */

const SCRIPT_COUNT = 10_000;
const RUNS = 3;
const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const KINDS: Record<(typeof STAGES)[number], PackScript['kind']> = {
  greeting: 'greeting', rapport: 'rapport_question', discovery: 'needs_question', solution: 'solution', recovery: 'apology', closing: 'gratitude', follow_up: 'follow_up',
};

/** A pack shaped like a large real one: every stage and language, texts of typical length with variables. */
export function largePack(count = SCRIPT_COUNT): Pack {
  const scripts: PackScript[] = Array.from({ length: count }, (_, i) => {
    const stage = STAGES[i % STAGES.length]!;
    const lang = LANGUAGES[i % LANGUAGES.length]!;
    return {
      id: `bench.${stage}.${i}.${lang}`,
      stage,
      kind: KINDS[stage],
      lang,
      title: `Bench script ${i}`,
      text: `Hi {{customer.firstName|there}}, this is reply ${i} for the ${stage} stage. I have looked into ticket {{ticket.id}} and here is what happens next.`,
      tags: ['bench', stage],
      channel: i % 3 === 0 ? 'chat' : 'any',
      locked: i % 10 === 0,
    };
  });
  return { id: 'bench', name: 'Bench pack', version: '1.0.0', publisher: 'Bench', description: 'Ten thousand scripts', languages: [...LANGUAGES], scripts };
}

/** Rows as the library stores them, for the baseline's bare bulkPut. */
function rowsOf(pack: Pack): Script[] {
  return pack.scripts.map((s) => ({ ...s, packId: pack.id, version: 1, editedLocally: false, createdAt: 1, updatedAt: 1 }));
}

export async function benchPacks(): Promise<Record<string, unknown>> {
  const { privateKey } = await generatePackKeyPair();
  const pack = largePack();
  const text = JSON.stringify(await signPackDocument(pack as unknown as Record<string, unknown>, privateKey), null, 2);
  const bytes = new TextEncoder().encode(text);
  return {
    scripts: SCRIPT_COUNT,
    fileBytes: bytes.length,
    node: await benchNode(bytes, pack),
    chromium: await benchChromium(text).catch((error: unknown) => ({ skipped: `Chromium bench did not run: ${error instanceof Error ? error.message : String(error)}` })),
  };
}

async function benchNode(bytes: Uint8Array, pack: Pack): Promise<Record<string, unknown>> {
  const validate = await timeRuns(RUNS, () => {
    if (!readPackBytes(bytes).ok) throw new Error('bench pack does not validate');
  });
  const read = readPackBytes(bytes);
  if (!read.ok) throw new Error('bench pack does not validate');
  const verify = await timeRuns(RUNS, async () => {
    if ((await checkPackSignature(read.document)).status !== 'valid') throw new Error('bench signature does not verify');
  });
  let n = 0;
  const install: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const db = createDatabase(`bench-packs-${run}-${n++}`);
    await db.open();
    const start = performance.now();
    await importPack(db, bytes, { source: 'file' });
    install.push(performance.now() - start);
    const bare = createDatabase(`bench-packs-bare-${run}-${n++}`);
    await bare.open();
    const rows = rowsOf(pack);
    const bareStart = performance.now();
    await bare.scripts.bulkPut(rows);
    baseline.push(performance.now() - bareStart);
    for (const each of [db, bare]) {
      each.close();
      await each.delete();
    }
  }
  return report(validate, verify, summarise(install), summarise(baseline), 'fake-indexeddb');
}

function report(validate: TimingSummary, verify: TimingSummary, install: TimingSummary, baseline: TimingSummary, store: string): Record<string, unknown> {
  return {
    store,
    validate,
    verifySignature: verify,
    validateVerifyAndInstall: install,
    baseline: { name: 'bare Dexie bulkPut of the same rows (no validation, signature or merge planning)', ...baseline },
    overheadMedian: round(install.medianMs / baseline.medianMs, 2),
  };
}

/** The browser half: the same modules, bundled, run in a page served from 127.0.0.1 (a secure context for WebCrypto). */
const BROWSER_ENTRY = `
import { readPackText } from './scripts-library/packs/format';
import { checkPackSignature } from './scripts-library/packs/signature';
import { createDatabase } from './storage/database';
import { importPack } from './storage/packs';

window.runPackBench = async (text, runs) => {
  const times = { validate: [], verify: [], install: [], baseline: [] };
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    const read = readPackText(text);
    times.validate.push(performance.now() - start);
    if (!read.ok) throw new Error(read.problems.slice(0, 3).join('; '));
    start = performance.now();
    const check = await checkPackSignature(read.document);
    times.verify.push(performance.now() - start);
    if (check.status !== 'valid') throw new Error('signature: ' + check.status);
    const db = createDatabase('bench-' + run);
    await db.open();
    start = performance.now();
    await importPack(db, text, { source: 'file' });
    times.install.push(performance.now() - start);
    const bare = createDatabase('bench-bare-' + run);
    await bare.open();
    const rows = read.pack.scripts.map((s) => ({ ...s, packId: read.pack.id, version: 1, editedLocally: false, createdAt: 1, updatedAt: 1 }));
    start = performance.now();
    await bare.scripts.bulkPut(rows);
    times.baseline.push(performance.now() - start);
    for (const each of [db, bare]) { each.close(); await each.delete(); }
  }
  return { times, userAgent: navigator.userAgent };
};
`;

async function benchChromium(text: string): Promise<Record<string, unknown>> {
  const bundle = await build({
    stdin: { contents: BROWSER_ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'pack-bench-entry.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(origin);
    await page.waitForFunction(() => 'runPackBench' in window);
    const result = await page.evaluate(
      ([packText, runs]) => (window as unknown as { runPackBench(t: string, r: number): Promise<{ times: Record<string, number[]>; userAgent: string }> }).runPackBench(packText, runs),
      [text, RUNS] as const,
    );
    const { times } = result;
    const figures = report(summarise(times.validate!), summarise(times.verify!), summarise(times.install!), summarise(times.baseline!), 'Chromium IndexedDB');
    return { ...figures, browser: /Chrome\/[\d.]+/.exec(result.userAgent)?.[0] ?? result.userAgent, targetMs: 1500, withinTarget: summarise(times.install!).medianMs <= 1500 };
  } finally {
    await browser.close();
    server.close();
  }
}

// Run alone: npx tsx tests/bench/packs.ts
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(JSON.stringify(await benchPacks(), null, 2));
}
