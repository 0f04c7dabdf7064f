import type Router from "@koa/router";
import type { Context } from "koa";
import { defineRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import { adminGuard, staffActor, staffOf } from "../../staff";
import {
  codeParams, createItemBody, draftSchema, publicationSchema, rejectBody, revisionBody, startDraftBody, updateDraftBody, versionDiffSchema, versionListSchema, versionParams,
} from "./schemas";
import { createItem } from "../drafts/create-item";
import { startDraft } from "../drafts/start-draft";
import { updateDraft } from "../drafts/update-draft";
import { changeDraftStatus } from "../drafts/change-draft-status";
import { publishDraft } from "../drafts/publish-draft";
import { getDraft } from "../drafts/get-draft";
import { listVersions } from "../versions/list-versions";
import { getVersionDiff } from "../versions/get-version-diff";
import { presentDraft, presentPublication, presentVersion, presentVersionList } from "../presenters";
import { adminListRoutes } from "./admin-list-routes";

/** Staff editing: drafts, review, publication, versions (token auth until staff accounts exist). */
export function adminRoutes(router: Router, app: AppContext): void {
  const prisma = app.db.prisma;
  const base = { tags: ["catalog admin"], security: ["admin"], before: [adminGuard()] };
  const who = (ctx: Context) => ({ prisma, actor: staffActor(ctx), now: app.now() });

  defineRoute(router, {
    ...base, method: "post", path: "/api/v1/admin/items", status: 201,
    summary: "Create an item with its guide as a draft (not public until published)",
    body: createItemBody, response: draftSchema,
    handler: async ({ body }, ctx) => presentDraft(await createItem({ ...who(ctx), store: app.store, guide: body.guide })),
  });
  defineRoute(router, {
    ...base, method: "get", path: "/api/v1/admin/items/:code/draft", summary: "The item's current draft",
    params: codeParams, response: draftSchema,
    handler: async ({ params }) => presentDraft(await getDraft({ prisma, code: params.code })),
  });
  defineRoute(router, {
    ...base, method: "post", path: "/api/v1/admin/items/:code/draft", status: 201,
    summary: "Start the next draft (from the body's guide, or from the latest published guide)",
    params: codeParams, body: startDraftBody, response: draftSchema,
    handler: async ({ params, body }, ctx) => presentDraft(await startDraft({ ...who(ctx), code: params.code, guide: body.guide })),
  });
  defineRoute(router, {
    ...base, method: "put", path: "/api/v1/admin/items/:code/draft",
    summary: "Edit the draft; `revision` must be the current one (409 otherwise)",
    params: codeParams, body: updateDraftBody, response: draftSchema,
    handler: async ({ params, body }, ctx) => presentDraft(await updateDraft({ ...who(ctx), code: params.code, revision: body.revision, guide: body.guide })),
  });
  defineRoute(router, {
    ...base, method: "post", path: "/api/v1/admin/items/:code/draft/submit", summary: "Submit the draft for review",
    params: codeParams, body: revisionBody, response: draftSchema,
    handler: async ({ params, body }, ctx) => presentDraft(await changeDraftStatus({ ...who(ctx), code: params.code, revision: body.revision, to: "in_review" })),
  });
  defineRoute(router, {
    ...base, method: "post", path: "/api/v1/admin/items/:code/draft/reject", summary: "Reject the draft under review, with a comment",
    params: codeParams, body: rejectBody, response: draftSchema,
    handler: async ({ params, body }, ctx) =>
      presentDraft(await changeDraftStatus({ ...who(ctx), code: params.code, revision: body.revision, to: "rejected", comment: body.comment })),
  });
  defineRoute(router, {
    ...base, method: "post", path: "/api/v1/admin/items/:code/draft/publish",
    summary: "Approve and publish the draft under review as the next immutable version",
    params: codeParams, body: revisionBody,
    response: publicationSchema,
    handler: async ({ params, body }, ctx) =>
      presentPublication(await publishDraft({ ...who(ctx), store: app.store, code: params.code, revision: body.revision, fourEyes: !staffOf(ctx).machine })),
  });
  defineRoute(router, {
    ...base, method: "get", path: "/api/v1/admin/items/:code/versions", summary: "Published versions (who, when, how many fields changed)",
    params: codeParams,
    response: versionListSchema,
    handler: async ({ params }) => presentVersionList(await listVersions({ prisma, code: params.code })),
  });
  defineRoute(router, {
    ...base, method: "get", path: "/api/v1/admin/items/:code/versions/:v/diff", summary: "Field-level diff of version v from version v-1",
    params: versionParams,
    response: versionDiffSchema,
    handler: async ({ params }) => presentVersion(await getVersionDiff({ prisma, code: params.code, version: params.v })),
  });
  adminListRoutes(router, app, base);
}
