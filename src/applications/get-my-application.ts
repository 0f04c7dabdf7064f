import type { ApplicationState } from "./presenters";
import { normalizeApplicationNumber } from "./application-number";
import { owns, viewerOfUser } from "./applicant-access";
import type { ApplicationsDeps } from "./deps";
import { applicationErrors } from "./errors";
import { loadApplicationState } from "./load-application";

/** One of the user's applications. Someone else's answers exactly like a missing one (404). */
export async function getMyApplication(deps: ApplicationsDeps, userId: string, number: string): Promise<ApplicationState> {
  const viewer = await viewerOfUser(deps.app, userId);
  const normalized = normalizeApplicationNumber(number);
  const a = normalized ? await deps.app.db.prisma.application.findUnique({ where: { number: normalized } }) : null;
  if (!a || !viewer || !owns(a, viewer)) throw applicationErrors("my_application_not_found");
  return loadApplicationState(deps, a);
}
