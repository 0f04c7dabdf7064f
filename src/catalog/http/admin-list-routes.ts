import type Router from "@koa/router";
import type { Middleware } from "koa";
import { defineRoute } from "../../http/openapi";
import { staffActor } from "../../staff";
import type { AppContext } from "../../platform/context";
import { addSynonym } from "../synonyms/add-synonym";
import { listSynonyms } from "../synonyms/list-synonyms";
import { removeSynonym } from "../synonyms/remove-synonym";
import { listQuestions } from "../questions/list-questions";
import { presentQuestionPage, presentRemovedSynonym, presentSynonym, presentSynonymList } from "../presenters";
import { idParams, questionsQuery, removedSchema, synonymBody } from "./schemas";

type Base = { tags: string[]; security: string[]; before: Middleware[] };

/** Synonyms and unanswered questions. */
export function adminListRoutes(router: Router, app: AppContext, base: Base): void {
  const prisma = app.db.prisma;

  defineRoute(router, {
    ...base, method: "get", path: "/api/v1/admin/synonyms", summary: "Staff synonyms (citizens' words → official words)",
    handler: async () => presentSynonymList(await listSynonyms({ prisma })),
  });
  defineRoute(router, {
    ...base, method: "post", path: "/api/v1/admin/synonyms", status: 201, summary: "Add a synonym entry", body: synonymBody,
    handler: async ({ body }, ctx) => presentSynonym(await addSynonym({ prisma, store: app.store, entry: body, actor: staffActor(ctx), now: app.now() })),
  });
  defineRoute(router, {
    ...base, method: "delete", path: "/api/v1/admin/synonyms/:id", summary: "Remove a synonym entry", params: idParams,
    response: removedSchema,
    handler: async ({ params }, ctx) => {
      await removeSynonym({ prisma, store: app.store, id: params.id, actor: staffActor(ctx), now: app.now() });
      return presentRemovedSynonym(params.id);
    },
  });
  defineRoute(router, {
    ...base, method: "get", path: "/api/v1/admin/unanswered", summary: "Questions search/chat could not answer, most asked first",
    query: questionsQuery,
    handler: async ({ query }) => presentQuestionPage(await listQuestions({ prisma, ...query }), query),
  });
}
