import type { PrismaClient } from "../../platform/db";
import type { ItemSearch } from "../items/item-search";
import { listDepartments, type DepartmentRecord } from "../items/list-departments";
import { listItems, type ItemSummaryRecord } from "../items/list-items";
import { listMostAsked, type MostAskedItem } from "../questions/list-most-asked";

/** How many search hits (or a department's items) the index shows: one page, no paging on a phone. */
export const INDEX_RESULTS = 30;

export interface LoadGuideIndexOptions {
  prisma: PrismaClient;
  q?: string | undefined;
  department?: string | undefined;
  /** The search capability's ranking, when it is running. */
  search?: ItemSearch | undefined;
}

export interface GuideIndexData {
  q?: string | undefined;
  department?: string | undefined;
  /** Present only when the citizen searched or chose a department. */
  found?: { items: ItemSummaryRecord[]; total: number } | undefined;
  departments: DepartmentRecord[];
  mostAsked: MostAskedItem[];
}

/** What the H5 guide index shows: the search hits or a department's items, the departments, and the most asked items. */
export async function loadGuideIndex(opts: LoadGuideIndexOptions): Promise<GuideIndexData> {
  const { prisma, q, department } = opts;
  const wanted = Boolean(q || department);
  const [found, departments, mostAsked] = await Promise.all([
    wanted ? listItems({ prisma, q, department, page: 1, pageSize: INDEX_RESULTS, search: opts.search }) : undefined,
    listDepartments({ prisma }),
    listMostAsked({ prisma, limit: 10 }),
  ]);
  return { ...(wanted ? { q, department } : {}), found, departments, mostAsked };
}
