import type { Page } from '../lib/pagination.ts';

/** GraphQL arguments shared by every connection. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export const CONNECTION_TYPEDEFS = /* GraphQL */ `
  type PageInfo {
    end_cursor: String
    has_next_page: Boolean!
  }
`;

/** Connection args -> the REST page request the services take (same limits). */
export function pageRequest(args: ConnectionArgs): { limit: number; cursor: string | undefined } {
  const first = args.first ?? 50;
  return { limit: Math.min(Math.max(first, 1), 200), cursor: args.after ?? undefined };
}

export function toConnection<T>(page: Page<T>) {
  return { nodes: page.data, page_info: { end_cursor: page.next_cursor, has_next_page: page.next_cursor !== null } };
}

/** SDL for a connection of `type`. */
export const connectionType = (type: string) => `
  type ${type}Connection {
    nodes: [${type}!]!
    page_info: PageInfo!
  }
`;
