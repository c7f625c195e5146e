import { useEffect, useRef } from 'react';

export interface AgentKeyHandlers {
  /** 1–9: insert the n-th script of the list on show. */
  insertAt(position: number): void;
  focusSearch(): void;
  /** ArrowDown/ArrowUp outside the list: into it. */
  focusList(): void;
  /** Esc: back to the helpdesk's reply editor. */
  backToEditor(): void;
}

/** Where typing means typing: keys there belong to the field (the search box handles its own arrows and Esc). */
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"]';

/**
 * The panel without the mouse: `/` searches, 1–9 insert, arrows reach the list, Esc returns to the reply. Keys with
 * Ctrl, Alt or Meta are left to the browser.
 */
export function useAgentKeys(handlers: AgentKeyHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TYPING)) return;
      const h = current.current;
      if (event.key === '/') {
        event.preventDefault();
        h.focusSearch();
      } else if (/^[1-9]$/.test(event.key)) {
        event.preventDefault();
        h.insertAt(Number(event.key));
      } else if (event.key === 'Escape') {
        event.preventDefault();
        h.backToEditor();
      } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !target?.closest('.suggestions, .timeline')) {
        event.preventDefault();
        h.focusList();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
