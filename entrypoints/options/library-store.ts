import { create } from 'zustand';
import { NO_FILTERS, type LibraryFilters } from '@/components/library/library-filters';
import type { NewScript } from '@/storage/library';

export type LibraryView = 'library' | 'playground' | 'insights';

export interface LibraryNotice {
  kind: 'success' | 'warning' | 'error';
  text: string;
  /** A deleted script the notice offers to bring back. */
  undoScriptId?: string;
}

interface LibraryStore {
  view: LibraryView;
  query: string;
  filters: LibraryFilters;
  /** The stored script open in the editor. */
  selectedId: string | null;
  /** A script being written that is not stored yet (new, or a new language version). */
  draft: NewScript | null;
  notice: LibraryNotice | null;
  /** Who the history records as the author of changes made on this page. */
  trainerName: string;
  showView(view: LibraryView): void;
  setQuery(query: string): void;
  setFilter<K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]): void;
  clearFilters(): void;
  select(id: string | null): void;
  startDraft(draft: NewScript): void;
  showNotice(notice: LibraryNotice | null): void;
  setTrainerName(name: string): void;
}

const TRAINER_KEY = 'agent-assist.trainer-name';

function storedTrainerName(): string {
  try {
    return globalThis.localStorage?.getItem(TRAINER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** UI state of the library page only; scripts and history live in IndexedDB. */
export const useLibraryStore = create<LibraryStore>()((set) => ({
  view: 'library',
  query: '',
  filters: NO_FILTERS,
  selectedId: null,
  draft: null,
  notice: null,
  trainerName: storedTrainerName(),
  showView: (view) => set({ view }),
  setQuery: (query) => set({ query }),
  setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, [key]: value } })),
  clearFilters: () => set({ filters: NO_FILTERS, query: '' }),
  select: (id) => set({ selectedId: id, draft: null }),
  startDraft: (draft) => set({ draft, selectedId: null }),
  showNotice: (notice) => set({ notice }),
  setTrainerName: (trainerName) => {
    try {
      globalThis.localStorage?.setItem(TRAINER_KEY, trainerName);
    } catch {
      // Private windows may refuse storage; the name then lasts for this page only.
    }
    set({ trainerName });
  },
}));
