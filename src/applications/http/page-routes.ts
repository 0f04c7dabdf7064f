import type Router from "@koa/router";
import { documentRoute } from "../../http/openapi";
import { citizenOf, pageLang, pageLangQuery, requireCitizen } from "../../citizen-web";
import { isAppError } from "../../platform/errors";
import type { ApplicationsDeps } from "../deps";
import { getMyApplication } from "../get-my-application";
import { listMyApplications } from "../list-my-applications";
import { presentApplication } from "../presenters";
import { myApplicationNotFoundPage, myApplicationPage, myApplicationsPage } from "./citizen-pages";

const HTML = "text/html; charset=utf-8";

/** "My applications" (H5, from the menu): the citizen signed in through WeChat web authorization. */
export function pageRoutes(router: Router, deps: ApplicationsDeps): void {
  const citizen = requireCitizen(deps.app);
  const mine = { tags: ["pages"], responseTypes: ["text/html"], query: pageLangQuery };
  documentRoute({ method: "get", path: "/applications", summary: "My applications (H5): the signed-in citizen's own; 302 to WeChat web authorization without a session", ...mine });
  documentRoute({ method: "get", path: "/applications/:number", summary: "One of my applications with its timeline (H5); another citizen's or an unknown number is 404", ...mine });
  router.get("/applications", citizen, async (c) => {
    const items = await listMyApplications(deps, citizenOf(c).userId);
    c.type = HTML;
    c.body = myApplicationsPage(
      items.map((s) => presentApplication(deps.app, s, { audience: "applicant" })),
      pageLang(c.query.lang),
    );
  });
  router.get("/applications/:number", citizen, async (c) => {
    const lang = pageLang(c.query.lang);
    c.type = HTML;
    try {
      const state = await getMyApplication(deps, citizenOf(c).userId, c.params.number!);
      c.body = myApplicationPage(presentApplication(deps.app, state, { audience: "applicant", timeline: true }), lang);
    } catch (e) {
      // Someone else's application answers exactly like a missing one.
      if (!isAppError(e) || e.publicCode !== "my_application_not_found") throw e;
      c.status = 404;
      c.state.failure = { code: e.publicCode };
      c.body = myApplicationNotFoundPage(lang, c.path);
    }
  });
}
