import type { ApplicationState } from "./presenters";
import { ownedBy, viewerOfUser } from "./applicant-access";
import type { ApplicationsDeps } from "./deps";
import { loadApplicationStates } from "./load-application";

/** The signed-in user's applications (bound by user id, openid or phone), newest first; the timelines in one query. */
export async function listMyApplications(deps: ApplicationsDeps, userId: string): Promise<ApplicationState[]> {
  const viewer = await viewerOfUser(deps.app, userId);
  const where = viewer && ownedBy(viewer);
  if (!where) return [];
  const rows = await deps.app.db.prisma.application.findMany({ where, orderBy: { createdAt: "desc" }, take: 100 });
  return loadApplicationStates(deps, rows);
}
