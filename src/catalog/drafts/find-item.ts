import { catalogErrors } from "../errors";
import type { DbClient } from "../db-types";

/** The item (any, listed or not) with its draft and current version, or 404. */
export async function findItemForEditing(db: DbClient, code: string) {
  const item = await db.serviceItem.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      draft: true,
      currentVersion: { select: { version: true, content: true } },
    },
  });
  if (!item) throw catalogErrors("item_not_found", { code });
  return item;
}
