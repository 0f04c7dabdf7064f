import type Router from "@koa/router";
import { documentRoute, validateInput } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { presentCitizenComplaint, presentPublicComplaint } from "../presenters";
import { listPublishedComplaints } from "../publication/list-published-complaints";
import { openRatingLink } from "../rating/open-rating-link";
import { rateByLink } from "../rating/rate-by-link";
import { publicPage, ratingPage } from "./pages";
import { publicLimit } from "./public-limit";
import { citizenOf, pageLang, pageLangQuery, requireCitizen } from "../../citizen-web";
import { ratingForm, ratingFormPost, ratingLinkQuery } from "./schemas";
import { findOwnComplaint } from "../citizen/find-own-complaint";
import { listOwnComplaints } from "../citizen/list-own-complaints";
import { myComplaintNotFoundPage, myComplaintPage, myComplaintsPage } from "./citizen-pages";

const HTML = "text/html; charset=utf-8";
/** Ticket numbers as issued (QH + date + sequence), with room for imported ones; anything else is not theirs. */
const TICKET_NO = /^[A-Za-z0-9-]{1,40}$/;

/** The mobile H5 pages: the public list, and the rating page of the link sent with a reply. */
export function pageRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const limit = publicLimit(app);
  const page = { tags: ["pages"], responseTypes: ["text/html"] };
  documentRoute({ method: "get", path: "/complaints/public", summary: "Published complaints and their answers (H5)", ...page });
  documentRoute({ method: "get", path: "/complaints/rate/:ticketNo", summary: "Rating page of the link sent with a reply (H5)", query: ratingLinkQuery, ...page });
  const mine = { ...page, query: pageLangQuery };
  documentRoute({ method: "get", path: "/complaints", summary: "My complaints (H5): the signed-in citizen's own tickets; 302 to WeChat web authorization without a session", ...mine });
  documentRoute({ method: "get", path: "/complaints/:ticketNo", summary: "One of my complaints (H5); another citizen's or an unknown number is 404", ...mine });
  documentRoute({
    method: "post",
    path: "/complaints/rate/:ticketNo",
    summary: "Rate from the H5 page (form post)",
    body: ratingForm,
    bodyTypes: ["application/x-www-form-urlencoded"],
    ...page,
  });

  router.get("/complaints/public", limit, async (c) => {
    c.type = HTML;
    c.body = publicPage((await listPublishedComplaints(deps(), { limit: 50 })).map(presentPublicComplaint));
  });

  // Rate without logging in: the token in the link proves the message was received.
  router.get("/complaints/rate/:ticketNo", limit, async (c) => {
    const complaint = await openRatingLink(deps(), { ticketNo: c.params.ticketNo!, token: c.query.t });
    c.type = HTML;
    c.body = ratingPage(presentCitizenComplaint(complaint), String(c.query.t));
  });

  router.post("/complaints/rate/:ticketNo", limit, async (c) => {
    const body = validateInput(ratingFormPost, c.request.body ?? {}, "body");
    const token = body.t ?? c.query.t;
    const rated = await rateByLink(deps(), { ticketNo: c.params.ticketNo!, token, satisfaction: body.satisfaction ?? "" });
    c.type = HTML;
    c.body = ratingPage(presentCitizenComplaint(rated), String(token));
  });

  // "My complaints" (the menu's view link): the citizen signed in through WeChat web authorization.
  const citizen = requireCitizen(app);
  router.get("/complaints", citizen, async (c) => {
    const { userId, openid } = citizenOf(c);
    const rows = await listOwnComplaints(deps(), { owner: { userId, openid }, limit: 100 });
    c.type = HTML;
    c.body = myComplaintsPage(rows.map((r) => presentCitizenComplaint(r)), pageLang(c.query.lang), app.now());
  });

  router.get("/complaints/:ticketNo", citizen, async (c) => {
    const { userId, openid } = citizenOf(c);
    const lang = pageLang(c.query.lang);
    const ticketNo = c.params.ticketNo!;
    const own = TICKET_NO.test(ticketNo) ? await findOwnComplaint(deps(), { ticketNo, owner: { userId, openid }, withTimeline: true }) : undefined;
    c.type = HTML;
    if (!own) {
      c.status = 404;
      c.state.failure = { code: "ticket_not_found" };
      c.body = myComplaintNotFoundPage(lang, c.path);
      return;
    }
    c.body = myComplaintPage(presentCitizenComplaint(own), lang, app.now());
  });
}
