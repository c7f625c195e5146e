import type Dexie from 'dexie';

/**
 * What can go wrong with the browser's storage, in the terms a person can act on. The interface turns each kind into
 * a sentence and what to do (components/StorageErrorBanner.tsx); this module only decides which kind an error is
 * and keeps the problems a page has met, so none is left in the console alone.
 */
export type StorageProblemKind =
  /** The disk, or the browser's share of it for this extension, is full: nothing more can be saved. */
  | 'quota'
  /** This page wants a newer database version, and an older page of the extension still holds the database open. */
  | 'blocked'
  /** Another page upgraded (or deleted) the database: this page is working on an old picture of it. */
  | 'upgraded-elsewhere'
  /** The database on disk is newer than this code (the extension was downgraded, or a page outlived an update). */
  | 'newer-version'
  /** IndexedDB cannot be used at all here: private or guest windows, site data blocked, or no IndexedDB. */
  | 'unavailable'
  /** The connection was closed under the page (the browser shut it, or an upgrade elsewhere took it). */
  | 'closed'
  | 'unknown';

export interface StorageProblem {
  kind: StorageProblemKind;
  /** The error's own name and message, for the "technical details" a person can copy into a report. */
  detail: string;
  /** What the page was doing, in developer words (`installing the default pack`, `reading scripts`). */
  during: string;
  at: number;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** The error and everything wrapped in it: Dexie keeps the browser's error as `inner`, bulk writes list `failures`. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || chain.includes(next as ErrorLike)) continue;
    const like = next as ErrorLike;
    chain.push(like);
    queue.push(like.inner, like.cause);
    if (Array.isArray(like.failures)) queue.push(...like.failures.slice(0, 5));
    else if (typeof like.failures === 'object' && like.failures !== null) queue.push(...Object.values(like.failures).slice(0, 5));
  }
  return chain;
}

const nameOf = (error: ErrorLike) => (typeof error.name === 'string' ? error.name : '');
const messageOf = (error: ErrorLike) => (typeof error.message === 'string' ? error.message : '');

/**
 * Decides which kind of storage problem an error is. Looks through Dexie's wrappers to the browser's own error,
 * because the same full disk reaches us as `QuotaExceededError`, as an `AbortError` around one, or as a `BulkError`
 * whose failures are.
 */
export function classifyStorageError(error: unknown): StorageProblemKind {
  const chain = errorChain(error);
  const names = chain.map(nameOf);
  const messages = chain.map(messageOf).join(' | ');
  // Firefox reports a full profile as NS_ERROR_DOM_QUOTA_REACHED in older versions.
  if (names.includes('QuotaExceededError') || /quota/i.test(messages)) return 'quota';
  if (names.includes('VersionError')) return 'newer-version';
  if (names.includes('MissingAPIError') || names.includes('SecurityError')) return 'unavailable';
  // Chrome says "The database connection is closing" for a connection an upgrade elsewhere took away; Firefox's
  // private windows refuse IndexedDB with the same error name and "did not allow mutations".
  const invalidState = chain.filter((e) => nameOf(e) === 'InvalidStateError');
  if (invalidState.some((e) => !/clos/i.test(messageOf(e)))) return 'unavailable';
  // Checked last: after a failed open Dexie answers every query with DatabaseClosedError wrapping the real cause.
  if (invalidState.length > 0 || names.includes('DatabaseClosedError')) return 'closed';
  return 'unknown';
}

/** The error and its causes in one line, outermost first, for the details a person can copy into a report. */
export function describeError(error: unknown): string {
  const parts = errorChain(error)
    .map((e) => [nameOf(e), messageOf(e).trim()].filter(Boolean).join(': '))
    .filter(Boolean);
  return parts.length > 0 ? [...new Set(parts)].join(' ← ').slice(0, 2000) : String(error);
}

type Listener = (problems: readonly StorageProblem[]) => void;

/**
 * The storage problems one page has met, newest kind last (one entry per kind: ten failed saves on a full disk are
 * one problem). A tiny store rather than Zustand so storage code and any page can report without importing UI state.
 */
export class StorageProblemLog {
  private problems: readonly StorageProblem[] = [];
  private readonly listeners = new Set<Listener>();

  current(): readonly StorageProblem[] {
    return this.problems;
  }

  report(problem: StorageProblem): void {
    this.problems = [...this.problems.filter((p) => p.kind !== problem.kind), problem];
    this.listeners.forEach((listener) => listener(this.problems));
  }

  /** Classifies `error`, logs it for developers, and keeps it for the banner. Returns what was recorded. */
  reportError(error: unknown, during: string, now = Date.now()): StorageProblem {
    const problem: StorageProblem = { kind: classifyStorageError(error), detail: describeError(error), during, at: now };
    console.error(`Agent Assist: storage problem while ${during}`, error);
    this.report(problem);
    return problem;
  }

  dismiss(kind: StorageProblemKind): void {
    if (!this.problems.some((p) => p.kind === kind)) return;
    this.problems = this.problems.filter((p) => p.kind !== kind);
    this.listeners.forEach((listener) => listener(this.problems));
  }

  clear(): void {
    this.problems = [];
    this.listeners.forEach((listener) => listener(this.problems));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The page's log: what the banner shows. */
export const storageProblems = new StorageProblemLog();

/** For `.catch()` on a storage call whose failure should reach the person, not just the console. */
export function reportStorageError(error: unknown, during: string): StorageProblem {
  return storageProblems.reportError(error, during);
}

interface VersionChangeLike {
  oldVersion: number;
  newVersion: number | null;
}

/**
 * Reports the two ways an upgrade can stall or strand a page. `blocked`: this page's upgrade waits for an older page
 * that still holds the database (the report goes once the upgrade gets through). `versionchange`: another page wants
 * to upgrade or delete the database; Dexie's own handler then closes this connection so the other page is not
 * stalled, and this page is told it is working on an old picture. Returns the way to stop watching.
 */
export function watchStorageHealth(db: Dexie, log: StorageProblemLog = storageProblems, now: () => number = Date.now): () => void {
  let stopped = false;
  const onBlocked = (event: VersionChangeLike) => {
    // A blocked delete (tests, "clear data") is not an upgrade a person waits for.
    if (!event.newVersion || event.newVersion < event.oldVersion) return;
    log.report({
      kind: 'blocked',
      detail: `Upgrade of "${db.name}" to version ${event.newVersion / 10} waits for a connection at version ${event.oldVersion / 10}`,
      during: 'opening the script library',
      at: now(),
    });
    db.open().then(
      () => {
        if (!stopped) log.dismiss('blocked');
      },
      (error: unknown) => {
        if (!stopped) log.reportError(error, 'opening the script library');
      },
    );
  };
  const onVersionChange = (event: VersionChangeLike) => {
    log.report({
      kind: 'upgraded-elsewhere',
      detail: event.newVersion
        ? `Another page upgraded "${db.name}" from version ${event.oldVersion / 10} to ${event.newVersion / 10}`
        : `Another page deleted "${db.name}"`,
      during: 'keeping the script library open',
      at: now(),
    });
    // Nothing returned: Dexie's default handler closes this connection, which is what lets the other page go on.
  };
  db.on('blocked', onBlocked);
  db.on('versionchange', onVersionChange);
  return () => {
    stopped = true;
    db.on('blocked').unsubscribe(onBlocked);
    db.on('versionchange').unsubscribe(onVersionChange);
  };
}
