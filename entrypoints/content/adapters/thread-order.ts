/**
 * Ticket products that let each agent choose the thread order (FreeScout lists newest first by default, osTicket
 * oldest first unless the agent flips it). The times on the page decide; the product default applies without them.
 */
export type PageOrder = 'newest-first' | 'oldest-first';

/** Items in oldest-first order, judged by the first and last ISO times present, else by the page's default order. */
export function oldestFirst<T>(items: readonly T[], timeOf: (item: T) => string | null, defaultOrder: PageOrder): T[] {
  const times = items.map(timeOf).filter((at): at is string => at !== null);
  const first = times[0];
  const last = times[times.length - 1];
  const newestFirst = first && last && first !== last ? first > last : defaultOrder === 'newest-first';
  return newestFirst ? [...items].reverse() : [...items];
}
