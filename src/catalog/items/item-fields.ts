import type { Guide } from "../guide-schema";

/** The lower-cased text the simple `q` filter matches (name, aliases, Tibetan name and aliases). */
export function searchTextOf(name: string, aliases: string[] = [], extra: (string | undefined)[] = []): string {
  return [name, ...aliases, ...extra].filter(Boolean).join(" ").toLowerCase();
}

/** Department key of a guide: its 实施主体 at the guide's region. */
export function guideDepartment(g: Guide): { name: string; region: string; code?: string } {
  return { name: g.authority.name, region: g.region ?? "", code: g.authority.code };
}

/** Item columns that mirror the published guide. */
export function itemColumnsFromGuide(g: Guide) {
  const bo = g.translations?.bo;
  return {
    name: g.name,
    aliases: g.aliases,
    type: g.type,
    audience: [...g.audience],
    region: g.region ?? null,
    searchText: searchTextOf(g.name, g.aliases, [bo?.name, ...(bo?.aliases ?? [])]),
    hasGuide: true,
    listed: true,
  };
}
