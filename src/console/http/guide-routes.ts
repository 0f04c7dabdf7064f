import type Router from "@koa/router";
import type { Context } from "koa";
import { changeDraftStatus, getVersionDiff, listStaffItems, publishDraft, renderGuidePage, retireItem } from "../../catalog";
import type { AppContext } from "../../platform/context";
import { staffActor, type Role } from "../../staff";
import { getDraftReview } from "../guides/get-draft-review";
import { getGuideDetail } from "../guides/get-guide-detail";
import { getGuidePreview } from "../guides/get-guide-preview";
import { T } from "../texts";
import { guideDetailPage, guideReviewPage, versionPage } from "../views/guide-detail";
import { guideListPage } from "../views/guide-list";
import { done, flashOf, formOf, page, send, viewerOf } from "./page";
import { codeParam, guideListQuery, parse, rejectForm, retireForm, revisionForm, versionParams } from "./schemas";
import { guideEditRoutes } from "./guide-edit-routes";

const READ: Role[] = ["administrator", "editor", "reviewer", "supervisor"];
const EDIT: Role[] = ["administrator", "editor"];
const REVIEW: Role[] = ["administrator", "reviewer"];
const PAGE_SIZE = 30;

const detail = (code: string) => `/admin/guides/${encodeURIComponent(code)}`;

/** Guides: list and search, one item with its history, preview, submit, review, publish or reject, retire. */
export function guideRoutes(router: Router, app: AppContext): void {
  const prisma = app.db.prisma;
  const who = (c: Context) => ({ prisma, actor: staffActor(c), now: app.now() });

  router.get("/admin/guides", page(READ, async (c) => {
    const q = parse(guideListQuery, c.query);
    const { items, total } = await listStaffItems({ prisma, q: q.q, draftStatus: q.status || undefined, page: q.page, pageSize: PAGE_SIZE });
    send(c, guideListPage({ viewer: viewerOf(c), ...q, items, total, pageSize: PAGE_SIZE, flash: flashOf(c, T) }));
  }));

  guideEditRoutes(router, app, EDIT);

  router.get("/admin/guides/:code", page(READ, async (c) => {
    const { code } = parse(codeParam, c.params);
    const d = await getGuideDetail({ prisma, code });
    send(c, guideDetailPage({ viewer: viewerOf(c), ...d, flash: flashOf(c, T) }));
  }));

  // The draft exactly as the citizen's guide page will show it once published.
  router.get("/admin/guides/:code/preview", page(READ, async (c) => {
    const { code } = parse(codeParam, c.params);
    send(c, renderGuidePage(await getGuidePreview({ prisma, code, now: app.now() }), "zh", app.config.HOTLINE));
  }));

  router.post("/admin/guides/:code/submit", page(EDIT, async (c) => {
    const { code } = parse(codeParam, c.params);
    const { revision } = parse(revisionForm, formOf(c));
    await changeDraftStatus({ ...who(c), code, revision, to: "in_review" });
    done(c, detail(code), "submitted");
  }));

  router.get("/admin/guides/:code/review", page(REVIEW, async (c) => {
    const { code } = parse(codeParam, c.params);
    const review = await getDraftReview({ prisma, code, actor: staffActor(c) });
    send(c, guideReviewPage({ viewer: viewerOf(c), ...review }));
  }));

  router.post("/admin/guides/:code/publish", page(REVIEW, async (c) => {
    const { code } = parse(codeParam, c.params);
    const { revision } = parse(revisionForm, formOf(c));
    // Four eyes, as on the API: nobody who wrote any part of the draft since the last publication
    // publishes it (catalog's reviewer_is_author), not only its last editor. Console users are people.
    await publishDraft({ ...who(c), store: app.store, code, revision, fourEyes: true });
    done(c, detail(code), "published");
  }));

  router.post("/admin/guides/:code/reject", page(REVIEW, async (c) => {
    const { code } = parse(codeParam, c.params);
    const { revision, comment } = parse(rejectForm, formOf(c));
    await changeDraftStatus({ ...who(c), code, revision, to: "rejected", comment });
    done(c, detail(code), "rejected");
  }));

  router.post("/admin/guides/:code/retire", page(REVIEW, async (c) => {
    const { code } = parse(codeParam, c.params);
    const { reason } = parse(retireForm, formOf(c));
    await retireItem({ ...who(c), store: app.store, code, reason });
    done(c, detail(code), "retired");
  }));

  router.get("/admin/guides/:code/versions/:v", page(READ, async (c) => {
    const { code, v } = parse(versionParams, c.params);
    const d = await getVersionDiff({ prisma, code, version: v });
    send(c, versionPage({ viewer: viewerOf(c), code, version: d.version, publishedBy: d.publishedBy, publishedAt: d.publishedAt, changes: d.changes }));
  }));
}
