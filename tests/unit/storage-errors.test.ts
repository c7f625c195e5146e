// @vitest-environment happy-dom
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { Component, createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageProblemText, StorageErrorBanner, StorageErrorBoundary } from '@/components/StorageErrorBanner';
import { defaultPack } from '@/scripts-library/default-pack';
import { createDatabase, type AgentAssistDatabase } from '@/storage/database';
import { ensureDefaultPack } from '@/storage/default-pack';
import { createScript } from '@/storage/library';
import { classifyStorageError, StorageProblemLog, watchStorageHealth, type StorageProblemKind } from '@/storage/storage-errors';
import { $, $$, click, mount, waitFor, type Mounted } from './library/dom';

// Storage failing the ways it fails in the field — a full disk, an upgrade held up by another page, an upgrade made
// by another page, IndexedDB refused (private windows) or missing, a closed connection — produced through Dexie
// itself wherever it can be, and what a person is then told.

let n = 0;
let databases: Dexie[] = [];
let page: Mounted | null = null;
const track = <T extends Dexie>(db: T): T => {
  databases.push(db);
  return db;
};

afterEach(async () => {
  await page?.unmount();
  page = null;
  databases.forEach((db) => db.close());
  for (const db of databases) await db.delete().catch(() => undefined);
  databases = [];
  vi.restoreAllMocks();
});

const quietConsole = () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
};

/** Writes fail the way Chrome fails them when the origin's quota is used up. */
const fullDisk: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'full-disk',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return { ...table, mutate: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) };
    },
  }),
};

/** An IndexedDB that refuses to open, as Firefox's private windows did before version 115. */
function refusingIndexedDB(error: DOMException): IDBFactory {
  return {
    open() {
      const request = { error, onerror: null as ((event: unknown) => void) | null } as unknown as IDBOpenDBRequest;
      setTimeout(() => request.onerror?.({ target: request, type: 'error', preventDefault() {}, stopPropagation() {} } as unknown as Event));
      return request;
    },
    deleteDatabase: () => indexedDB.deleteDatabase('never-used'),
    cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
    databases: () => Promise.resolve([]),
  };
}

describe('classifying storage errors', () => {
  it('a full disk while installing the default pack is a quota problem, through Dexie’s wrappers', async () => {
    quietConsole();
    const db = track(createDatabase(`quota-${++n}`));
    db.use(fullDisk);
    const error = await ensureDefaultPack(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(classifyStorageError(error)).toBe('quota');
    expect(await db.scripts.count()).toBe(0);
  });

  it('a full disk while saving a script is a quota problem too', async () => {
    quietConsole();
    const db = track(createDatabase(`quota-${++n}`)) as AgentAssistDatabase;
    db.use(fullDisk);
    const error = await createScript(db, { title: 'Hola', text: '¡Hola!', lang: 'es', stage: 'greeting', kind: 'greeting' }, { author: 'x' }).catch((e: unknown) => e);
    expect(classifyStorageError(error)).toBe('quota');
  });

  it('recognises a full disk however the browser words it', () => {
    expect(classifyStorageError(new Dexie.AbortError('Transaction aborted', new DOMException('quota', 'QuotaExceededError')))).toBe('quota');
    expect(classifyStorageError(new Dexie.BulkError('3 of 3 operations failed', { 0: new DOMException('x', 'QuotaExceededError') }))).toBe('quota');
    expect(classifyStorageError(new Dexie.UnknownError('NS_ERROR_DOM_QUOTA_REACHED'))).toBe('quota');
  });

  it('IndexedDB missing altogether is "unavailable"', async () => {
    quietConsole();
    const db = track(new Dexie(`missing-${++n}`, { indexedDB: null as unknown as IDBFactory }));
    db.version(1).stores({ scripts: 'id' });
    const error = await db.open().catch((e: unknown) => e);
    expect((error as Error).name).toBe('MissingAPIError');
    expect(classifyStorageError(error)).toBe('unavailable');
  });

  it('IndexedDB refused in a private window is "unavailable"', async () => {
    quietConsole();
    const refused = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    const db = track(new Dexie(`private-${++n}`, { indexedDB: refusingIndexedDB(refused) }));
    db.version(1).stores({ scripts: 'id' });
    const error = await db.table('scripts').count().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(classifyStorageError(error)).toBe('unavailable');
    expect(classifyStorageError(new DOMException('The operation is insecure.', 'SecurityError'))).toBe('unavailable');
  });

  it('a closed connection is "closed", also in Chrome’s wording', async () => {
    const db = track(createDatabase(`closed-${++n}`));
    await db.open();
    db.close({ disableAutoOpen: true });
    const error = await db.scripts.count().catch((e: unknown) => e);
    expect((error as Error).name).toBe('DatabaseClosedError');
    expect(classifyStorageError(error)).toBe('closed');
    expect(classifyStorageError(new DOMException('The database connection is closing.', 'InvalidStateError'))).toBe('closed');
  });

  it('a database newer than the code is "newer-version"; anything else is "unknown"', () => {
    expect(classifyStorageError(new Dexie.OpenFailedError(new DOMException('The requested version (20) is less than the existing version (40).', 'VersionError')))).toBe('newer-version');
    expect(classifyStorageError(new TypeError('x is undefined'))).toBe('unknown');
    expect(classifyStorageError('a string')).toBe('unknown');
    expect(classifyStorageError(undefined)).toBe('unknown');
  });
});

describe('upgrades and other pages', () => {
  /** An older page of the extension: the first schema, and (like a page that never listens) it does not let go. */
  async function stubbornOldPage(name: string): Promise<Dexie> {
    const old = track(new Dexie(name));
    old.version(1).stores({ scripts: 'id, stage, lang, kind, packId, updatedAt, [stage+lang]', packs: 'id', deletedPackScripts: 'id, packId' });
    old.on('versionchange', () => false);
    await old.open();
    return old;
  }

  it('an upgrade held up by another page is reported at once, and the report goes when the upgrade gets through', async () => {
    quietConsole();
    const name = `blocked-${++n}`;
    const old = await stubbornOldPage(name);
    const log = new StorageProblemLog();
    const current = track(createDatabase(name));
    const stop = watchStorageHealth(current, log);
    let opened = false;
    const opening = current.open().then(() => (opened = true));
    await vi.waitFor(() => expect(log.current().map((p) => p.kind)).toEqual(['blocked']));
    expect(opened).toBe(false);
    expect(log.current()[0]!.detail).toMatch(new RegExp(`version ${current.verno} waits for a connection at version 1`));

    old.close();
    await opening;
    await vi.waitFor(() => expect(log.current()).toEqual([]));
    stop();
  });

  it('this page is told when another page upgrades the database, and does not hold that upgrade up', async () => {
    quietConsole();
    const name = `upgraded-${++n}`;
    const thisPage = track(new Dexie(name));
    thisPage.version(1).stores({ scripts: 'id, stage, lang, kind, packId, updatedAt, [stage+lang]', packs: 'id', deletedPackScripts: 'id, packId' });
    await thisPage.open();
    const log = new StorageProblemLog();
    const stop = watchStorageHealth(thisPage, log);

    const newerPage = track(createDatabase(name));
    await newerPage.open();
    expect(newerPage.backendDB().version).toBe(newerPage.verno * 10);
    expect(log.current().map((p) => p.kind)).toEqual(['upgraded-elsewhere']);
    expect(log.current()[0]!.detail).toMatch(new RegExp(`from version 1 to ${newerPage.verno}`));
    stop();
  });

  it('stops reporting once told to', async () => {
    quietConsole();
    const name = `stopped-${++n}`;
    const thisPage = track(createDatabase(name));
    await thisPage.open();
    const log = new StorageProblemLog();
    watchStorageHealth(thisPage, log)();
    thisPage.close();
    await thisPage.delete();
    expect(log.current()).toEqual([]);
  });
});

describe('what the person is told', () => {
  const KINDS: StorageProblemKind[] = ['quota', 'blocked', 'upgraded-elsewhere', 'newer-version', 'unavailable', 'closed', 'unknown'];
  const EXPECTED: Record<StorageProblemKind, RegExp> = {
    quota: /Free some disk space/,
    blocked: /Close or reload the other Agent Assist pages/,
    'upgraded-elsewhere': /Reload this page/,
    'newer-version': /Update the extension/,
    unavailable: /private and guest windows.*normal window/,
    closed: /Reload this page.*restart the browser/,
    unknown: /download a backup/,
  };

  it('every kind has its own sentence and says what to do', () => {
    const texts = KINDS.map((kind) => storageProblemText({ kind }));
    for (const [i, kind] of KINDS.entries()) {
      expect(texts[i]!.title, kind).not.toMatch(/^storageError/);
      expect(texts[i]!.action, kind).toMatch(EXPECTED[kind]);
    }
    expect(new Set(texts.map((text) => text.title)).size).toBe(KINDS.length);
  });

  it('the banner shows a reported problem with what to do and the details, and can be dismissed', async () => {
    quietConsole();
    const log = new StorageProblemLog();
    const db = track(createDatabase(`banner-${++n}`));
    db.use(fullDisk);
    page = await mount(createElement(StorageErrorBanner, { db, log }));
    expect($(page.container, 'storage-error')).toBeNull();

    await ensureDefaultPack(db).catch((error: unknown) => log.reportError(error, 'installing the default pack'));
    const banner = await waitFor(() => $(page!.container, 'storage-error', '[data-kind="quota"]'));
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain(storageProblemText({ kind: 'quota' }).title);
    expect(banner.textContent).toMatch(/Free some disk space/);
    expect($(banner, 'storage-error-detail')?.textContent).toMatch(/QuotaExceededError.*\(installing the default pack\)$/);
    expect(console.error).toHaveBeenCalled();

    await click($(banner, 'storage-error-dismiss'));
    expect($$(page.container, 'storage-error')).toHaveLength(0);
    expect(defaultPack.scripts.length).toBeGreaterThan(0);
  });

  it('the banner catches a storage error nobody handled, and leaves other errors alone', async () => {
    quietConsole();
    const log = new StorageProblemLog();
    page = await mount(createElement(StorageErrorBanner, { log }));
    const unhandled = (reason: unknown) => {
      const event = new Event('unhandledrejection') as Event & { reason: unknown };
      event.reason = reason;
      dispatchEvent(event);
    };
    unhandled(new TypeError('not storage'));
    unhandled(new Dexie.DatabaseClosedError('Database has been closed'));
    await waitFor(() => $(page!.container, 'storage-error', '[data-kind="closed"]'));
    expect($$(page.container, 'storage-error')).toHaveLength(1);
  });

  it('the banner reports an upgrade another page holds up, on its own', async () => {
    quietConsole();
    const name = `banner-blocked-${++n}`;
    const old = track(new Dexie(name));
    old.version(1).stores({ scripts: 'id' });
    old.on('versionchange', () => false);
    await old.open();
    const log = new StorageProblemLog();
    const current = track(createDatabase(name));
    page = await mount(createElement(StorageErrorBanner, { db: current, log }));
    const opening = current.open();
    await waitFor(() => $(page!.container, 'storage-error', '[data-kind="blocked"]'));
    old.close();
    await opening;
    await waitFor(() => $(page!.container, 'storage-error') === null);
  });
});

describe('a failed read while rendering', () => {
  /** Stands in for the page above the boundary: records what reaches it. */
  class Outer extends Component<{ children: ReactNode; onError(error: unknown): void }, { failed: boolean }> {
    override state = { failed: false };
    static getDerivedStateFromError() {
      return { failed: true };
    }
    override componentDidCatch(error: unknown) {
      this.props.onError(error);
    }
    override render() {
      return this.state.failed ? createElement('p', { 'data-testid': 'outer-caught' }) : this.props.children;
    }
  }

  let failing: unknown = null;
  function Reader() {
    // What useLiveQuery does with a failed query: throws it while rendering.
    if (failing) throw failing;
    return createElement('p', { 'data-testid': 'reader' }, 'scripts');
  }

  it('becomes a banner report and a "Try again" instead of a blank panel', async () => {
    quietConsole();
    const log = new StorageProblemLog();
    const caught: unknown[] = [];
    failing = new Dexie.DatabaseClosedError(new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'));
    page = await mount(
      createElement(Outer, {
        onError: (e: unknown) => caught.push(e),
        children: [createElement(StorageErrorBanner, { key: 'banner', log }), createElement(StorageErrorBoundary, { key: 'boundary', log, children: createElement(Reader) })],
      }),
    );
    await waitFor(() => $(page!.container, 'storage-error', '[data-kind="unavailable"]'));
    expect($(page.container, 'reader')).toBeNull();
    expect(caught).toEqual([]);

    failing = null;
    await click($(page.container, 'storage-error-retry'));
    expect($(page.container, 'reader')?.textContent).toBe('scripts');
  });

  it('lets an error that is not the storage’s go on up, as before', async () => {
    quietConsole();
    const log = new StorageProblemLog();
    const caught: unknown[] = [];
    failing = new TypeError('a bug in the panel');
    page = await mount(createElement(Outer, { onError: (e: unknown) => caught.push(e), children: createElement(StorageErrorBoundary, { log, children: createElement(Reader) }) }));
    await waitFor(() => $(page!.container, 'outer-caught'));
    expect(caught).toEqual([failing]);
    expect(log.current()).toEqual([]);
    failing = null;
  });
});
