import type Router from "@koa/router";
import type { Middleware } from "koa";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import { listAudit } from "../audit/list-audit";
import { addSynonym, listSynonyms, removeSynonym } from "../synonyms/synonyms";
import { listQuestions } from "../questions/questions";
import { auditQuery, idParams, questionsQuery, synonymBody } from "./admin-schemas";

type Base = { tags: string[]; security: string[]; before: Middleware[] };
const iso = (d: Date) => d.toISOString();

/** Audit log, synonyms, unanswered questions. */
export function adminListRoutes(router: Router, app: AppContext, base: Base): void {
  const prisma = app.db.prisma;
  const actor = (state: Record<string, unknown>) => (state.actor as string | undefined) ?? "admin";

  defineRoute(router, {
    ...base, method: "get", path: "/api/v1/admin/audit", summary: "Audit log, newest first (?entity=item | item:<code> | synonym | complaint_route | complaint_route:<category> | holiday_year | holiday_year:<year>)",
    query: auditQuery,
    handler: async ({ query }) => {
      const { entries, total } = await listAudit({ prisma, ...query });
      return { entries: entries.map((e) => ({ ...e, at: iso(e.at) })), total, page: query.page, pageSize: query.pageSize };
    },
  });
  defineRoute(router, {
    ...base, method: "get", path: "/api/v1/admin/synonyms", summary: "Staff synonyms (citizens' words → official words)",
    handler: async () => ({ synonyms: (await listSynonyms({ prisma })).map((s) => ({ ...s, createdAt: iso(s.createdAt) })) }),
  });
  defineRoute(router, {
    ...base, method: "post", path: "/api/v1/admin/synonyms", status: 201, summary: "Add a synonym entry", body: synonymBody,
    handler: async ({ body }, ctx) => {
      const s = await addSynonym({ prisma, store: app.store, entry: body, actor: actor(ctx.state), now: app.now() });
      return { ...s, createdAt: iso(s.createdAt) };
    },
  });
  defineRoute(router, {
    ...base, method: "delete", path: "/api/v1/admin/synonyms/:id", summary: "Remove a synonym entry", params: idParams,
    response: z.object({ removed: z.string() }),
    handler: async ({ params }, ctx) => {
      await removeSynonym({ prisma, store: app.store, id: params.id, actor: actor(ctx.state), now: app.now() });
      return { removed: params.id };
    },
  });
  defineRoute(router, {
    ...base, method: "get", path: "/api/v1/admin/unanswered", summary: "Questions search/chat could not answer, most asked first",
    query: questionsQuery,
    handler: async ({ query }) => {
      const { questions, total } = await listQuestions({ prisma, ...query });
      return {
        questions: questions.map((q) => ({ ...q, firstAskedAt: iso(q.firstAskedAt), lastAskedAt: iso(q.lastAskedAt) })),
        total, page: query.page, pageSize: query.pageSize,
      };
    },
  });
}
