import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// Small helpers for component tests in happy-dom: mount, wait for live queries, and type or pick like a person
// (React listens to `input` and `change` events, so values are set through the native setter first).

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  root: Root;
  unmount(): Promise<void>;
}

export async function mount(node: ReactNode): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  return {
    container,
    root,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** Polls until `check` returns something truthy (live queries answer asynchronously). */
export async function waitFor<T>(check: () => T | null | undefined | false, timeout = 8000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeout) throw new Error(`waitFor timed out${last ? `: ${String(last)}` : ''}`);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 15)));
  }
}

export function $(root: ParentNode, testId: string, extra = ''): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="${testId}"]${extra}`);
}

export function $$(root: ParentNode, testId: string, extra = ''): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]${extra}`)];
}

export async function type(element: HTMLElement | null, value: string): Promise<void> {
  if (!element) throw new Error('no element to type into');
  const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(element: HTMLElement | null, value: string): Promise<void> {
  if (!(element instanceof HTMLSelectElement)) throw new Error('not a select');
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(element: HTMLElement | null): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(async () => {
    element.click();
  });
}
