import type { AppContext } from "../platform/context";
import type { StaffAccountRow } from "./presenters";

/** Every staff account, by username (a service centre has tens, not thousands). */
export function listAccounts(app: AppContext): Promise<StaffAccountRow[]> {
  return app.db.prisma.staffAccount.findMany({ orderBy: { username: "asc" } });
}
