import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useRef } from 'react';
import type { Script } from '@/scripts-library/schemas';
import { ScriptSearchIndex } from '@/scripts-library/search';
import { db } from '@/storage/database';
import { allScripts } from '@/storage/scripts';
import { browseOrder, filterOptions, groupVariants, matchesFilters, type LibraryFilters, type VariantGroups } from './library-filters';

export interface LibraryData {
  /** Undefined while the first read is under way. */
  scripts: Script[] | undefined;
  byId: Map<string, Script>;
  groups: VariantGroups;
  options: { packs: string[]; tags: string[] };
  index: ScriptSearchIndex;
}

/**
 * Every script, live: an edit in any extension page (or a pack update from the background) reaches this page
 * through Dexie's live queries, and the search index follows the change incrementally.
 */
export function useLibraryData(): LibraryData {
  const scripts = useLiveQuery(() => allScripts(db), []);
  const indexRef = useRef<ScriptSearchIndex | null>(null);
  indexRef.current ??= new ScriptSearchIndex();
  return useMemo(() => {
    const list = scripts ?? [];
    const index = indexRef.current!;
    index.sync(list.map((s) => ({ id: s.id, title: s.title, text: s.text, tags: s.tags, keywords: `${s.stage} ${s.kind.replace('_', ' ')} ${s.packId ?? ''}` })));
    index.prepare();
    return { scripts, byId: new Map(list.map((s) => [s.id, s])), groups: groupVariants(list), options: filterOptions(list), index };
  }, [scripts]);
}

/** Scripts shown for a query and filters: search order when there is a query, browsing order otherwise. */
export function useFilteredScripts(data: LibraryData, query: string, filters: LibraryFilters): { items: Script[]; searching: boolean } {
  const deferredQuery = useDeferredValue(query);
  const browsing = useMemo(() => browseOrder(data.scripts ?? []), [data.scripts]);
  const items = useMemo(() => {
    const found = data.index.search(deferredQuery);
    const source = found ? found.ids.map((id) => data.byId.get(id)).filter((s): s is Script => s !== undefined) : browsing;
    return source.filter((s) => matchesFilters(s, filters, data.groups));
  }, [data, browsing, deferredQuery, filters]);
  return { items, searching: deferredQuery !== query };
}
