import { useEffect, useRef, useState, type ReactNode } from 'react';

interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** Rows drawn above and below the visible ones, so fast scrolling shows no gaps. */
  overscan?: number;
  renderRow(item: T, index: number): ReactNode;
  keyOf(item: T): string;
  className?: string;
  label: string;
  /** Index to keep in view (the selected row). */
  activeIndex?: number;
  testId?: string;
}

/**
 * Draws only the rows in view: a library of 20,000 scripts keeps a few dozen rows in the page, so scrolling and
 * typing in the search box stay smooth. Rows have one fixed height, which makes the window arithmetic exact.
 */
export function VirtualList<T>({ items, rowHeight, overscan = 6, renderRow, keyOf, className, label, activeIndex, testId }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || 600);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = viewport.current;
    if (!element || activeIndex === undefined || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }, [activeIndex, rowHeight]);

  // A shorter list (new search) may leave the old scroll position past its end.
  const maxTop = Math.max(0, items.length * rowHeight - height);
  const top = Math.min(scrollTop, maxTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <li key={keyOf(item)} className="vlist__row" style={{ top: i * rowHeight, height: rowHeight }} aria-setsize={items.length} aria-posinset={i + 1}>
        {renderRow(item, i)}
      </li>,
    );
  }
  return (
    <div
      ref={viewport}
      className={`vlist ${className ?? ''}`}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid={testId}
      data-rows={items.length}
    >
      <ul className="vlist__body" aria-label={label} style={{ height: items.length * rowHeight }}>
        {rows}
      </ul>
    </div>
  );
}
