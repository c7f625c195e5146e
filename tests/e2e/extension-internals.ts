import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';

/**
 * What the reliability and security tests reach through the DevTools protocol: the content script's isolated world
 * in a page (its counters, and the extension APIs as the content script has them), and the service worker's life.
 */

export interface ContentStats {
  reads: number;
  readMs: number;
  snapshotsSent: number;
  mutationCallbacks: number;
  detached: boolean;
}

export interface IsolatedWorld {
  /**
   * The extension's isolated worlds in the page's main frame, oldest first. Each copy of the content script gets its
   * own: after an update Chromium starts the new copy in a new world and leaves the old one in place.
   */
  worlds(): number[];
  /** Evaluates `expression` in one world (the newest unless named); the value comes back as JSON. */
  evaluate<T>(expression: string, world?: number): Promise<T>;
  stats(world?: number): Promise<ContentStats>;
  detach(): Promise<void>;
}

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

export async function isolatedWorld(page: Page): Promise<IsolatedWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts = new Map<number, ExecutionContext>();
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.set(context.id, context));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const mainFrame = frameTree.frame.id;

  const worlds = (): number[] =>
    [...contexts.values()]
      .filter((c) => c.origin.startsWith('chrome-extension://') && c.auxData?.type === 'isolated' && c.auxData.frameId === mainFrame)
      .map((c) => c.id)
      .sort((a, b) => a - b);

  const evaluate = async <T>(expression: string, world?: number): Promise<T> => {
    const contextId = world ?? worlds().at(-1);
    if (contextId === undefined) throw new Error('the extension has no isolated world in this page: its content script is not running');
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: string }; exceptionDetails?: { exception?: { description?: string }; text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    if (result.value === undefined) throw new Error(`${expression} is undefined in world ${contextId}`);
    return JSON.parse(result.value) as T;
  };

  return {
    worlds,
    evaluate,
    stats: (world) => evaluate<ContentStats>('globalThis.agentAssistContentStats', world),
    detach: () => cdp.detach(),
  };
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The extension's service worker as the browser lists it: one target per running worker. */
async function workerTargets(cdp: CDPSession, extensionId: string): Promise<TargetInfo[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
}

export interface WorkerControl {
  /** The running worker's target id, or null while none runs (a restarted worker may get the same id back). */
  runningTarget(): Promise<string | null>;
  /**
   * Stops the service worker the way the browser does when it idles it out, through the DevTools protocol. Marks the
   * worker's realm first and resolves once the browser lists no running worker; returns the mark.
   */
  stop(): Promise<string>;
  /** Waits until a worker runs whose realm is not the stopped one (the panel's reconnect or a message wakes it). */
  waitForRestart(stoppedRealm: string): Promise<Worker>;
  /** A handle to evaluate in the worker that runs now. */
  current(): Promise<Worker>;
  detach(): Promise<void>;
}

export async function workerControl(context: BrowserContext, anyPage: Page, extensionId: string): Promise<WorkerControl> {
  const cdp = await context.newCDPSession(anyPage);
  const runningTarget = async () => (await workerTargets(cdp, extensionId))[0]?.targetId ?? null;
  const until = async <T>(probe: () => Promise<T | null>, what: string): Promise<T> => {
    for (let i = 0; i < 300; i++) {
      const value = await probe();
      if (value !== null) return value;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  /** Evaluates in a worker handle, or null when that worker is gone (a stopped worker may never answer). */
  const probe = <T>(worker: Worker, body: () => T): Promise<T | null> =>
    Promise.race([worker.evaluate(body).catch(() => null), new Promise<null>((done) => setTimeout(() => done(null), 1000))]);
  const readMark = () => ((globalThis as Record<string, unknown>)['__agentAssistTestRealm'] as string | undefined) ?? 'unmarked';
  const current = () =>
    until(async () => {
      if ((await runningTarget()) === null) return null;
      for (const worker of context.serviceWorkers().slice().reverse()) {
        if (!worker.url().startsWith(`chrome-extension://${extensionId}/`)) continue;
        if ((await probe(worker, () => true)) === true) return worker;
      }
      return null;
    }, 'a live service worker');
  return {
    runningTarget,
    current,
    async stop() {
      const mark = Math.random().toString(36).slice(2);
      await (await current()).evaluate((value) => {
        (globalThis as Record<string, unknown>)['__agentAssistTestRealm'] = value;
      }, mark);
      const target = await runningTarget();
      if (target) await cdp.send('Target.closeTarget', { targetId: target });
      // Gone when no worker runs, or when the one running (already woken by a reconnect) is another realm.
      await until(async () => {
        if ((await runningTarget()) === null) return true;
        for (const worker of context.serviceWorkers()) {
          if ((await probe(worker, readMark)) === mark) return null;
        }
        return true;
      }, 'the worker to stop');
      return mark;
    },
    waitForRestart(stoppedRealm) {
      return until(async () => {
        const worker = await current();
        const realm = await probe(worker, readMark);
        return realm !== null && realm !== stoppedRealm ? worker : null;
      }, 'the service worker to start again');
    },
    detach: () => cdp.detach(),
  };
}
