import { AppError } from "../platform/errors";
import type { ApplicationState } from "./application-presenter";
import { normalizeApplicationNumber } from "./application-number";
import { owns, ownedBy, viewerOfUser } from "./applicant-access";
import type { ApplicationsDeps } from "./deps";
import { loadApplicationState, loadApplicationStates } from "./load-application";

/** The signed-in user's applications (bound by user id, openid or phone), newest first; the timelines in one query. */
export async function listMyApplications(deps: ApplicationsDeps, userId: string): Promise<ApplicationState[]> {
  const viewer = await viewerOfUser(deps.app, userId);
  const where = viewer && ownedBy(viewer);
  if (!where) return [];
  const rows = await deps.app.db.prisma.application.findMany({ where, orderBy: { createdAt: "desc" }, take: 100 });
  return loadApplicationStates(deps, rows);
}

/** One of the user's applications. Someone else's answers exactly like a missing one (404). */
export async function getMyApplication(deps: ApplicationsDeps, userId: string, number: string): Promise<ApplicationState> {
  const viewer = await viewerOfUser(deps.app, userId);
  const normalized = normalizeApplicationNumber(number);
  const a = normalized ? await deps.app.db.prisma.application.findUnique({ where: { number: normalized } }) : null;
  if (!a || !viewer || !owns(a, viewer)) throw new AppError("not_found", "未找到该办件");
  return loadApplicationState(deps, a);
}
