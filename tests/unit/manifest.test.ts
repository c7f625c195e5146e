import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTED_HELPDESK_MATCHES } from '@/scripts-library/helpdesk-hosts';

// The manifests as shipped (a production build, no AGENT_ASSIST_HOSTS), for Chrome and Firefox, built here into a
// scratch folder. A new permission, host, exposed file or a looser CSP fails this test: widening what the extension
// may do has to be a deliberate change to the lists below (and to the README's security note). The Firefox bundle
// also goes through Mozilla's linter (`npm run lint:firefox` does the same on .output/).

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const BUILD = "const { build } = await import('wxt'); await build({ browser: process.argv[1], outDir: process.argv[2] });";

/** What the extension asks for, each with the code that uses it. */
const CHROME_PERMISSIONS = {
  storage: /\.storage\.(local|session|managed)\b/, // subscriptions, per-tab state, pack policy
  activeTab: /\.tabs\.get\(/, // the panel reads the tab's address to offer "enable on this site"
  scripting: /\.scripting\.(registerContentScripts|executeScript)\(/, // enabled sites; restarting readers after an update
  alarms: /\.alarms\.create\(/, // pack subscriptions' schedule
  sidePanel: /\.sidePanel\b/, // the toolbar button opens the side panel
} as const;
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];
const CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  content_scripts?: Array<{ matches?: string[]; js?: string[] }>;
  web_accessible_resources?: Array<string | { resources: string[]; matches: string[] }>;
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
  sandbox?: unknown;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
  [key: string]: unknown;
}

let outDir: string;
let chrome: Manifest;
let firefox: Manifest;

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();
const readManifest = (target: string) => JSON.parse(readFileSync(join(outDir, target, 'manifest.json'), 'utf8')) as Manifest;

/** All JavaScript the build ships, to find the code that uses each permission. */
function shippedCode(target: string): string {
  const dir = join(outDir, target);
  const files: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) files.push(readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files.join('\n');
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'agent-assist-manifest-'));
  const env = { ...process.env };
  delete env.AGENT_ASSIST_HOSTS;
  // One after the other: both builds write WXT's generated types in .wxt/.
  for (const browser of ['chrome', 'firefox']) {
    await run(process.execPath, ['--input-type=module', '-e', BUILD, browser, outDir], { cwd: root, env, maxBuffer: 32 * 1024 * 1024 });
  }
  chrome = readManifest('chrome-mv3');
  firefox = readManifest('firefox-mv2');
}, 240_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the Chrome manifest as built', () => {
  it('asks for exactly the permissions the code uses', () => {
    expect(sorted(chrome.permissions)).toEqual(sorted(Object.keys(CHROME_PERMISSIONS)));
    const code = shippedCode('chrome-mv3');
    for (const [permission, use] of Object.entries(CHROME_PERMISSIONS)) {
      expect(use.test(code), `${permission} is requested but nothing uses it`).toBe(true);
    }
  });

  it('reaches only the supported helpdesks without asking; any other site only when the agent grants it', () => {
    expect(sorted(chrome.host_permissions)).toEqual(sorted(HOSTED_HELPDESK_MATCHES));
    expect(chrome.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    const contentScriptHosts = (chrome.content_scripts ?? []).flatMap((script) => script.matches ?? []);
    expect(sorted(contentScriptHosts)).toEqual(sorted(HOSTED_HELPDESK_MATCHES));
    // Every content script host is a host permission too, so an update can restart the reader in open tabs.
    for (const host of contentScriptHosts) expect(chrome.host_permissions).toContain(host);
    for (const host of chrome.host_permissions ?? []) expect(host).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });

  it('runs only its own code, and talks to no page or other extension', () => {
    expect(chrome.content_security_policy).toEqual({ extension_pages: CSP });
    expect(chrome.externally_connectable).toBeUndefined();
    expect(chrome.sandbox).toBeUndefined();
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    // The in-page palette's frame is the only file a web page may load, and nothing else is exposed.
    const exposed = (chrome.web_accessible_resources ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.resources));
    expect(exposed.every((file) => file === 'palette.html')).toBe(true);
    for (const entry of chrome.web_accessible_resources ?? []) {
      if (typeof entry !== 'string') for (const match of entry.matches) expect(OPTIONAL_HOSTS).toContain(match);
    }
  });
});

describe('the Firefox manifest as built', () => {
  it('asks for the same, in Manifest V2’s terms', () => {
    const apiPermissions = (firefox.permissions ?? []).filter((p) => !p.includes('://'));
    const hosts = (firefox.permissions ?? []).filter((p) => p.includes('://'));
    // Firefox has no side panel API: its sidebar is declared, not requested.
    expect(sorted(apiPermissions)).toEqual(sorted(Object.keys(CHROME_PERMISSIONS).filter((p) => p !== 'sidePanel')));
    expect(sorted(hosts)).toEqual(sorted(HOSTED_HELPDESK_MATCHES));
    expect(firefox.optional_permissions).toEqual(OPTIONAL_HOSTS);
    expect(firefox.content_security_policy).toBe(CSP);
    expect(firefox.externally_connectable).toBeUndefined();
    expect(firefox.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('passes Mozilla’s add-on linter with no errors', async () => {
    const webExt = join(root, 'node_modules/.bin/web-ext');
    const result = await run(webExt, ['lint', '--source-dir', join(outDir, 'firefox-mv2'), '--output', 'json', '--no-config-discovery'], {
      cwd: root,
      maxBuffer: 32 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(result.stdout) as {
      summary: { errors: number; warnings: number; notices: number };
      errors: Array<{ code: string; message: string; file?: string }>;
      warnings: Array<{ code: string; message: string; file?: string }>;
    };
    for (const warning of report.warnings) console.warn(`web-ext lint warning ${warning.code} (${warning.file ?? 'manifest'}): ${warning.message}`);
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
