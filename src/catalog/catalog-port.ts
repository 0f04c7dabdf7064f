import type { PrismaClient } from "../platform/db";
import { guideToSearchItem, type PublishedCatalog, type PublishedGuide, type SearchItem, type SynonymEntry } from "./published";
import type { Guide } from "./guide-schema";

const itemSelect = {
  code: true,
  name: true,
  aliases: true,
  type: true,
  region: true,
  department: { select: { name: true } },
  currentVersion: { select: { content: true, version: true, publishedAt: true } },
} as const;

type Row = {
  code: string;
  name: string;
  aliases: string[];
  type: string | null;
  region: string | null;
  department: { name: string } | null;
  currentVersion: { content: unknown; version: number; publishedAt: Date } | null;
};

function toSearchItem(r: Row): SearchItem {
  const department = r.department?.name ?? "";
  if (r.currentVersion) return guideToSearchItem(r.currentVersion.content as Guide, department);
  return { code: r.code, name: r.name, aliases: r.aliases, department, region: r.region ?? undefined, type: r.type ?? undefined, hasGuide: false };
}

/** The database catalog: every read of the published catalog, plus the staff synonyms. */
export interface DatabaseCatalog extends PublishedCatalog {
  getSearchItem(code: string): Promise<SearchItem | null>;
  list(): Promise<SynonymEntry[]>;
  listSynonyms(): Promise<SynonymEntry[]>;
}

/**
 * The published catalog read from the database: only listed items and published versions —
 * never drafts — leave the catalog. Plus `listSynonyms` for the staff synonym table.
 */
export function createCatalogPort(prisma: PrismaClient): DatabaseCatalog {
  const listSynonyms = async (): Promise<SynonymEntry[]> =>
    (await prisma.synonym.findMany({ orderBy: { createdAt: "asc" } })).map((s) => ({
      terms: s.terms,
      canonical: s.canonical,
      ...(s.kind === "object" || s.kind === "action" ? { kind: s.kind } : {}),
    }));
  return {
    async getGuide(code) {
      const r = await prisma.serviceItem.findUnique({ where: { code }, select: { ...itemSelect, listed: true } });
      if (!r?.listed || !r.currentVersion) return null;
      const guide = r.currentVersion.content as Guide;
      const published: PublishedGuide = {
        ...guide,
        version: r.currentVersion.version,
        updatedAt: r.currentVersion.publishedAt,
        department: r.department?.name ?? guide.authority.name,
        hasGuide: true,
      };
      return published;
    },
    async listSearchItems() {
      const rows = await prisma.serviceItem.findMany({ where: { listed: true }, select: itemSelect, orderBy: { code: "asc" } });
      return rows.map(toSearchItem);
    },
    async getSearchItem(code) {
      const r = await prisma.serviceItem.findUnique({ where: { code }, select: { ...itemSelect, listed: true } });
      return r?.listed ? toSearchItem(r) : null;
    },
    list: listSynonyms,
    listSynonyms,
  };
}
