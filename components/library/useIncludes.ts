import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/storage/database';
import { includedTexts } from '@/storage/library';

/**
 * The texts of scripts that the given templates include (`{{> id}}`), live: editing an included closing in the
 * library changes every suggestion that stacks it.
 */
export function useIncludedTexts(sources: readonly string[]): ReadonlyMap<string, string> {
  const key = sources.filter((s) => s.includes('{{')).join('\u0000');
  return useLiveQuery(() => (key ? includedTexts(db, key.split('\u0000')) : Promise.resolve(new Map<string, string>())), [key]) ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
