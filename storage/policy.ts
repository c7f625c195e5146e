import { browser } from 'wxt/browser';
import { parsePackPolicy, type ParsedPolicy } from '@/scripts-library/packs/trust';

/**
 * Where the organisation's pack policy comes from. In the extension that is `storage.managed`, filled by Chrome from
 * enterprise policy (schema: public/managed-schema.json); tests hand in a double with the same shape.
 */
export interface PolicySource {
  read(): Promise<unknown>;
  /** Calls back when the policy may have changed; returns the way to stop. */
  watch(onChange: () => void): () => void;
}

const MANAGED_READ_TIMEOUT_MS = 500;

export function managedStoragePolicySource(): PolicySource {
  return {
    async read() {
      try {
        // Chromium can leave this read unanswered when no policy is set (seen with Chromium 156 headless): a missing
        // answer is taken as "no policy" after a moment rather than stalling whatever waits on it.
        return await Promise.race([
          browser.storage.managed.get(null),
          new Promise<undefined>((done) => setTimeout(() => done(undefined), MANAGED_READ_TIMEOUT_MS)),
        ]);
      } catch {
        // Firefox without a policies.json entry, or a build without a managed schema: no policy, not an error.
        return undefined;
      }
    },
    watch(onChange) {
      const listener = (_changes: unknown, area: string) => {
        if (area === 'managed') onChange();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

export async function readPackPolicy(source: PolicySource = managedStoragePolicySource()): Promise<ParsedPolicy> {
  return parsePackPolicy(await source.read());
}

/** Whether the agent may write or duplicate scripts of their own: for the library editor to ask before it creates one. */
export async function personalScriptsAllowed(source?: PolicySource): Promise<boolean> {
  if (source) return (await readPackPolicy(source)).policy.allowPersonalScripts;
  // The page's own managed policy is read once and re-read when it changes, not on every save.
  if (!pagePolicy) {
    const managed = managedStoragePolicySource();
    pagePolicy = readPackPolicy(managed);
    managed.watch(() => (pagePolicy = null));
  }
  return (await pagePolicy).policy.allowPersonalScripts;
}
let pagePolicy: Promise<ParsedPolicy> | null = null;
