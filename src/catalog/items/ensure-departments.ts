import type { DbClient } from "../db-types";

export interface DepartmentKey {
  name: string;
  region: string;
  code?: string;
}

const keyOf = (d: { name: string; region: string }) => `${d.region}\u0000${d.name}`;

/**
 * Makes sure every (name, region) department exists and returns their ids by key, in three
 * queries whatever the number (the 1,135-line catalog has ~40 departments).
 */
export async function ensureDepartments(db: DbClient, deps: DepartmentKey[]): Promise<Map<string, string>> {
  const unique = new Map(deps.map((d) => [keyOf(d), d]));
  if (unique.size === 0) return new Map();
  const where = { OR: [...unique.values()].map((d) => ({ name: d.name, region: d.region })) };
  const existing = await db.department.findMany({ where, select: { id: true, name: true, region: true } });
  const ids = new Map(existing.map((d) => [keyOf(d), d.id]));
  const missing = [...unique.values()].filter((d) => !ids.has(keyOf(d)));
  if (missing.length) {
    await db.department.createMany({
      data: missing.map((d) => ({ name: d.name, region: d.region, code: d.code ?? null })),
      skipDuplicates: true, // another importer may have created it meanwhile
    });
    const created = await db.department.findMany({ where, select: { id: true, name: true, region: true } });
    for (const d of created) ids.set(keyOf(d), d.id);
  }
  return ids;
}

export const departmentKey = keyOf;
