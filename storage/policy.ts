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

export function managedStoragePolicySource(): PolicySource {
  return {
    async read() {
      try {
        return await browser.storage.managed.get(null);
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
export async function personalScriptsAllowed(source: PolicySource = managedStoragePolicySource()): Promise<boolean> {
  return (await readPackPolicy(source)).policy.allowPersonalScripts;
}
