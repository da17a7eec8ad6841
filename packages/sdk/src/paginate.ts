/** The slice of a GET call that paging needs; the typed surface lives on SellerOpsClient.paginate. */
export type PageGetter = (path: string, init: PageInit) => Promise<{ data: unknown[]; next_cursor: string | null }>;
export type PageInit = { params?: { query?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * Every item of every page of a list route, fetched page by page as the loop consumes
 * them: the first page with the caller's query, each next one with `cursor` set to
 * the previous page's `next_cursor`, until it is null.
 */
export async function* paginate(get: PageGetter, path: string, init: PageInit = {}): AsyncGenerator<unknown, void, undefined> {
  let cursor: string | null = null;
  do {
    const query = { ...init.params?.query, ...(cursor === null ? {} : { cursor }) };
    const page = await get(path, { ...init, params: { ...init.params, query } });
    yield* page.data;
    // A server that hands back the cursor it was given would make this loop forever.
    if (page.next_cursor !== null && page.next_cursor === cursor) {
      throw new Error(`${path} answered the same next_cursor twice; stopping to avoid an endless loop.`);
    }
    cursor = page.next_cursor;
  } while (cursor !== null);
}
