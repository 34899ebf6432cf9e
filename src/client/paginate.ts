/**
 * Pagination as an async iterator. Zilliz lists are paged by `pageSize` + `currentPage` (v1 list
 * clusters calls it `current`); iteration stops on a short page, an empty page, or once `count`
 * items have been seen. Nothing in the client reads only the first page.
 */

/** One fetched page. */
export interface Page<T> {
  items: T[];
  /** Total across all pages, when the server reports it. */
  count?: number;
}

/** Default page size: the maximum the v2 API accepts, to keep the number of calls low. */
export const DEFAULT_PAGE_SIZE = 100;
// A guard against a server that keeps returning full pages forever.
const MAX_PAGES = 10_000;

/** Yields every item of every page, fetching lazily. Pages are numbered from 1. */
export async function* paginate<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<T> {
  let seen = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { items, count } = await fetchPage(page, pageSize);
    for (const item of items) {
      yield item;
      seen++;
    }
    if (items.length === 0 || items.length < pageSize) return;
    if (count !== undefined && seen >= count) return;
  }
}

/** Collects an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
