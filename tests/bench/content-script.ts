import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic } from '../harness/static-server';
import { round, summarise } from './measure';

const root = resolve(import.meta.dirname, '../..');
const demoFixture = resolve(root, 'tests/adapters/fixtures/demo/ticket-1002-upset-english.html');

/**
 * The content script on a real page in Chromium: bundle sizes, the cost of reading a long conversation, the work it
 * does while the page is idle but busy with its own clock, and the delay from a new message to the side panel.
 */
export async function benchContentScript(): Promise<Record<string, unknown>> {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env, AGENT_ASSIST_HOSTS: 'http://127.0.0.1/*' } });
  const bundles = await bundleSizes();

  const site = mkdtempSync(join(tmpdir(), 'agent-assist-bench-'));
  writeFileSync(join(site, 'long.html'), benchPage(500));
  writeFileSync(join(site, 'live.html'), benchPage(200));
  const server = await serveStatic({ '/': site, '/pages/': resolve(root, 'tests/e2e/pages') });
  const browser = await launchWithExtension();
  try {
    const reading = await readingCost(browser.context.newPage.bind(browser.context), `${server.origin}/long.html`);
    const rapid = await rapidMessages(browser, `${server.origin}/pages/rapid-messages.html`);
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/live.html`);
    const idle = await idleWork(page);
    const panel = await browser.openPanelFor(page);
    const delay = await newMessageToPanel(page, panel);
    return { bundles, reading500Messages: reading, rapid1000Messages: rapid, idlePage: idle, newMessageToPanel200: delay };
  } finally {
    await browser.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

/**
 * gzip sizes of the built bundles, and the same comparison rebuilt with esbuild in this run: our two bundles against
 * one bundle holding every adapter (the design the split replaced). zod is left out of the esbuild figures because
 * esbuild cannot tree-shake it the way the real build does; it weighs the same in every bundle.
 */
async function bundleSizes(): Promise<Record<string, unknown>> {
  const dir = join(root, '.output/chrome-mv3/content-scripts');
  const built = Object.fromEntries(
    readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => [f, gzipSync(readFileSync(join(dir, f))).length]),
  );
  const esbuildGzip = async (module: string, list: string) => {
    const out = await build({
      stdin: {
        contents: `import { ${list} } from './entrypoints/content/adapters/${module}';
          import { runContentScript } from './entrypoints/content/run-content-script';
          runContentScript(globalThis.ctx, ${list});`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      write: false,
      format: 'iife',
      external: ['zod', 'zod/*'],
      alias: { '@': root },
      logLevel: 'silent',
    });
    return gzipSync(out.outputFiles[0]!.contents).length;
  };
  const hosted = await esbuildGzip('hosted', 'HOSTED_ADAPTERS');
  const selfHosted = await esbuildGzip('self-hosted', 'SELF_HOSTED_ADAPTERS');
  const single = await esbuildGzip('index', 'SITE_ADAPTERS');
  return {
    builtGzipBytes: built,
    largestBuiltGzipBytes: Math.max(...Object.values(built)),
    esbuildWithoutZod: { hostedGzipBytes: hosted, selfHostedGzipBytes: selfHosted },
    baseline: { name: 'one bundle with every adapter (esbuild, without zod)', gzipBytes: single },
    largestVsBaseline: round(Math.max(hosted, selfHosted) / single, 3),
  };
}

/** The demo and generic adapters as a script for a page (`globalThis.benchAdapters`), to time them in Chromium. */
async function adaptersBundle(): Promise<string> {
  const adapters = await build({
    stdin: {
      contents: `import { demoAdapter } from './entrypoints/content/adapters/demo';
        import { genericAdapter } from './entrypoints/content/adapters/generic';
        globalThis.benchAdapters = { demo: demoAdapter, generic: genericAdapter };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    alias: { '@': root },
    logLevel: 'silent',
  });
  return adapters.outputFiles[0]!.text;
}

/** Reading a 500-message conversation with the demo and generic adapters, against the browser's own innerText. */
async function readingCost(newPage: () => Promise<Page>, url: string): Promise<Record<string, unknown>> {
  const page = await newPage();
  await page.goto(url);
  await page.addScriptTag({ content: await adaptersBundle() });
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  // Each run waits for a new task: the generic reader reuses its reading within one task, and the content script
  // never reads twice in one task either.
  const samples = (await page.evaluate(`(async () => {
    const { demo, generic } = globalThis.benchAdapters;
    const time = async (body, runs) => {
      const out = [];
      for (let i = 0; i < runs; i++) {
        await new Promise((done) => setTimeout(done));
        const start = performance.now();
        body();
        out.push(performance.now() - start);
      }
      return out;
    };
    const root = document.querySelector('[data-conversation-root]');
    return {
      messages: demo.read(document)?.messages.length ?? 0,
      genericMessages: generic.read(document)?.messages.length ?? 0,
      demo: await time(() => demo.read(document), 40),
      generic: await time(() => generic.read(document), 40),
      innerText: await time(() => root.innerText, 40),
    };
  })()`)) as { messages: number; genericMessages: number; demo: number[]; generic: number[]; innerText: number[] };
  await page.close();
  return {
    messages: samples.messages,
    demoAdapter: summarise(samples.demo.slice(5)),
    genericAdapter: { messages: samples.genericMessages, ...summarise(samples.generic.slice(5)) },
    baseline: { name: "the browser's own innerText of the conversation", ...summarise(samples.innerText.slice(5)) },
  };
}

interface Burst {
  added: number;
  mutationCallbacks: number;
  elapsedMs: number;
}

/**
 * 1,000 messages appended one task after another (tests/e2e/pages/rapid-messages.html), with the side panel open:
 * the reads the content script does and their total time, against a reader that reads the conversation on every
 * mutation callback (the demo adapter's own `read`, in the same page served where the extension does not run).
 */
async function rapidMessages(browser: ExtensionBrowser, url: string): Promise<Record<string, unknown>> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = await browser.openPanelFor(page);
  await panel.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 20_000 });
  const before = await contentStats(page);
  const burst = (await page.evaluate('addMessagesRapidly(1000)')) as Burst;
  // The content script's last read comes after the burst: wait for the panel to show every message.
  await panel.waitForFunction(() => document.querySelectorAll('[data-testid="message"]').length === 1001, null, { timeout: 30_000 });
  const after = await contentStats(page);
  await panel.close();
  await page.close();

  const naive = await browser.context.newPage();
  await naive.goto(url.replace('127.0.0.1', 'localhost'));
  await naive.addScriptTag({ content: await adaptersBundle() });
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  await naive.evaluate(`(() => {
    const { demo } = globalThis.benchAdapters;
    const naive = { reads: 0, readMs: 0 };
    globalThis.naiveReader = naive;
    new MutationObserver(() => {
      const start = performance.now();
      demo.read(document);
      naive.readMs += performance.now() - start;
      naive.reads++;
    }).observe(document.querySelector('[data-conversation-root]'), { childList: true, subtree: true, characterData: true });
  })()`);
  const naiveBurst = (await naive.evaluate('addMessagesRapidly(1000)')) as Burst;
  const baseline = (await naive.evaluate('globalThis.naiveReader')) as { reads: number; readMs: number };
  await naive.close();

  const reads = after.reads - before.reads;
  const readMs = after.readMs - before.readMs;
  return {
    messages: burst.added,
    burstMs: round(burst.elapsedMs, 1),
    pageMutationCallbacks: burst.mutationCallbacks,
    contentScript: { reads, readMs: round(readMs, 1), snapshotsSent: after.snapshotsSent - before.snapshotsSent },
    baseline: { name: 'a reader that reads the page on every mutation callback', reads: baseline.reads, readMs: round(baseline.readMs, 1), burstMs: round(naiveBurst.elapsedMs, 1) },
    readsVsBaseline: round(reads / Math.max(1, baseline.reads), 4),
    readMsVsBaseline: round(readMs / Math.max(1e-9, baseline.readMs), 4),
  };
}

/** The extension's counters, read from its isolated world through the DevTools protocol. */
async function contentStats(page: Page): Promise<{ reads: number; readMs: number; snapshotsSent: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.origin.startsWith('chrome-extension://'));
  if (!isolated) throw new Error('the content script is not running on the bench page');
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: 'JSON.stringify(globalThis.agentAssistContentStats)',
    contextId: isolated.id,
    returnByValue: true,
  });
  await cdp.detach();
  return JSON.parse(result.value as string);
}

/** Five seconds of a page whose clock ticks every 100 ms outside the conversation. */
async function idleWork(page: Page): Promise<Record<string, unknown>> {
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const counter = { fired: 0 };
    (globalThis as unknown as { naiveObserver: typeof counter }).naiveObserver = counter;
    new MutationObserver(() => counter.fired++).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const before = await contentStats(page);
  await page.waitForTimeout(5000);
  const after = await contentStats(page);
  const naive = await page.evaluate(() => (globalThis as unknown as { naiveObserver: { fired: number } }).naiveObserver.fired);
  return {
    seconds: 5,
    pageMutationsPerSecond: round(naive / 5, 1),
    contentScriptReads: after.reads - before.reads,
    contentScriptMs: round(after.readMs - before.readMs, 3),
    baseline: { name: 'an observer on the whole body (what a naive content script would wake for)', callbacks: naive },
  };
}

/** Time from a customer message appearing in the page to the panel showing the new stage, 200+ messages. */
async function newMessageToPanel(page: Page, panel: Page): Promise<Record<string, unknown>> {
  await panel.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 20_000 });
  await panel.evaluate(() => {
    const changes: Array<{ stage: string | null; at: number }> = [];
    (globalThis as unknown as { stageChanges: typeof changes }).stageChanges = changes;
    new MutationObserver(() => {
      const stage = document.querySelector('[data-testid="stage"]')?.getAttribute('data-stage') ?? null;
      if (changes.at(-1)?.stage !== stage) changes.push({ stage, at: performance.timeOrigin + performance.now() });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
  });
  const turns = [
    { text: 'This is ridiculous. Third time I am asking and nobody helps. I am cancelling my account today!', stage: 'recovery' },
    { text: 'Thank you so much, that is all I needed. Have a good day, bye!', stage: 'closing' },
  ];
  const delays: number[] = [];
  const frames: number[] = [];
  for (let i = 0; i < 20; i++) {
    const turn = turns[i % 2]!;
    // Messages arrive seconds apart in real conversations; 400 ms keeps each one a fresh change rather than part of a
    // burst, which the content script deliberately folds into one read per interval.
    await page.waitForTimeout(400);
    const { appendedAt, frameMs } = await page.evaluate((text) => (globalThis as unknown as { benchAppend(t: string): Promise<{ appendedAt: number; frameMs: number }> }).benchAppend(text), turn.text);
    await panel.waitForFunction(
      ({ stage, after }) => (globalThis as unknown as { stageChanges: Array<{ stage: string; at: number }> }).stageChanges.some((c) => c.stage === stage && c.at >= after),
      { stage: turn.stage, after: appendedAt },
      { timeout: 10_000 },
    );
    const shownAt = await panel.evaluate(
      ({ stage, after }) => (globalThis as unknown as { stageChanges: Array<{ stage: string; at: number }> }).stageChanges.find((c) => c.stage === stage && c.at >= after)!.at,
      { stage: turn.stage, after: appendedAt },
    );
    delays.push(shownAt - appendedAt);
    frames.push(frameMs);
  }
  return {
    updates: delays.length,
    ...summarise(delays),
    baseline: { name: "the page's own next frame after appending the message", ...summarise(frames) },
  };
}

/** The demo helpdesk's markup with `count` messages, a clock ticking outside the conversation, and an append hook. */
function benchPage(count: number): string {
  const html = readFileSync(demoFixture, 'utf8');
  const script = `<script>
    const log = document.querySelector('[data-message-log]');
    const samples = [...log.querySelectorAll('li[data-author-role="customer"], li[data-author-role="agent"]')];
    for (let i = log.querySelectorAll('li[data-message-id]').length; i < ${count}; i++) {
      const copy = samples[i % samples.length].cloneNode(true);
      copy.setAttribute('data-message-id', 'bench-' + i);
      log.insertBefore(copy, log.lastElementChild);
    }
    const clock = document.createElement('span');
    document.body.prepend(clock);
    setInterval(() => { clock.textContent = 'Last seen ' + Date.now(); }, 100);
    let n = 0;
    globalThis.benchAppend = (text) => {
      const copy = log.querySelector('li[data-author-role="customer"]').cloneNode(true);
      copy.setAttribute('data-message-id', 'live-' + ++n);
      copy.querySelector('[data-field="message-body"]').innerHTML = '<p></p>';
      copy.querySelector('[data-field="message-body"] p').textContent = text;
      const appendedAt = performance.timeOrigin + performance.now();
      log.appendChild(copy);
      return new Promise((done) => requestAnimationFrame(() => setTimeout(() =>
        done({ appendedAt, frameMs: performance.timeOrigin + performance.now() - appendedAt }))));
    };
  </script>`;
  return html.replace('</body>', `${script}</body>`);
}
