import { resolve } from 'node:path';
import { launchWithExtension } from './extension-browser';
import { serveStatic } from './static-server';

// Opens the demo helpdesk with the extension and the side panel beside it. `--headless`: no window; saves
// `demo-screenshot.png` (the panel beside the page) and exits. `--ticket=ID` opens another sample ticket.
const args = process.argv.slice(2);
const headless = args.includes('--headless');
const ticket = args.find((a) => a.startsWith('--ticket='))?.split('=')[1] ?? '1002';
const port = Number(process.env.DEMO_PORT ?? 4410);

const server = await serveStatic({ '/': resolve(import.meta.dirname, '../demo-helpdesk') }, port);
const browser = await launchWithExtension({ headless, viewport: headless ? { width: 1100, height: 760 } : null });
const page = await browser.context.newPage();
await page.goto(`${server.origin}/?ticket=${ticket}`);
for (const stale of browser.context.pages()) if (stale !== page) await stale.close();
const panel = await browser.openPanelFor(page);
await panel.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 20_000 });
console.log(`Demo helpdesk: ${server.origin}/?ticket=${ticket}`);

if (headless) {
  const out = resolve('demo-screenshot.png');
  await panel.setViewportSize({ width: 420, height: 760 });
  const [pageShot, panelShot] = [await page.screenshot(), await panel.screenshot()];
  // One picture, the panel beside the page, composed in the browser itself: no image library needed.
  const composer = await browser.context.newPage();
  await composer.setViewportSize({ width: 1540, height: 760 });
  await composer.setContent(
    `<body style="margin:0;display:flex;background:#888">` +
      `<img style="width:1100px;height:760px" src="data:image/png;base64,${pageShot.toString('base64')}">` +
      `<img style="width:420px;height:760px;margin-left:20px" src="data:image/png;base64,${panelShot.toString('base64')}">` +
      `</body>`,
  );
  await composer.screenshot({ path: out });
  console.log(`Saved ${out}`);
  await browser.close();
  await server.close();
} else {
  console.log('Chromium is open with Agent Assist loaded; the side panel is in its own window (the toolbar button opens it in the browser too). Close Chromium or press Ctrl+C to stop.');
  browser.context.on('close', () => void server.close().then(() => process.exit(0)));
  process.on('SIGINT', () => void browser.close().then(() => server.close()).then(() => process.exit(0)));
}
