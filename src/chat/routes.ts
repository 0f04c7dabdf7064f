import type Router from "@koa/router";
import { createHash } from "node:crypto";
import { z } from "zod";
import { defineRoute } from "../http/openapi";
import type { ChatDeps } from "./deps";
import { handleMessage } from "./handle-message";

const body = z.object({
  question: z.string().trim().min(1).max(500),
  sessionId: z.string().trim().min(1).max(128).optional(),
  lang: z.enum(["zh", "bo"]).optional(),
});

const response = z.object({
  text: z.string(),
  itemCode: z.string().nullable(),
  aspect: z.string().nullable(),
  candidates: z.array(z.object({ code: z.string(), name: z.string() })),
  link: z.string().nullable(),
});

/**
 * POST /api/v1/ask — the mini-program's Q&A, through the same handleMessage as WeChat.
 * Without a sessionId every question stands alone.
 */
export function registerAskRoute(router: Router, deps: ChatDeps, now: () => Date = () => new Date()): void {
  defineRoute(router, {
    method: "post",
    path: "/api/v1/ask",
    summary: "Ask a question about government services",
    tags: ["chat"],
    body,
    response,
    handler: async ({ body: b }) => {
      const userId = b.sessionId ?? `anon-${createHash("sha256").update(`${Math.random()}${Date.now()}`).digest("hex").slice(0, 16)}`;
      const reply = await handleMessage(deps, { kind: "text", channel: "api", userId, text: b.question, lang: b.lang, receivedAt: now() });
      if (reply.kind === "text") {
        return { text: reply.text, itemCode: reply.itemCode ?? null, aspect: reply.aspect ?? null, candidates: reply.candidates ?? [], link: reply.link ?? null };
      }
      return { text: reply.kind === "transfer" ? (reply.text ?? "") : "", itemCode: null, aspect: null, candidates: [], link: null };
    },
  });
}
