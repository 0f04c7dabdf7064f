/**
 * The seam for full-text search (issue 4): given the citizen's query, the codes of matching
 * items, best first. When the catalog capability is given one, `GET /api/v1/items?q=` ranks
 * by it; without one, `q` is a simple case-insensitive match on name and aliases.
 */
export type ItemSearch = (q: string, opts: { limit: number }) => Promise<string[]>;
