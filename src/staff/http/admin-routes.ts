import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import { adminGuard } from "../admin-guard";
import { createAccount } from "../create-account";
import { listAccounts } from "../list-accounts";
import { presentAccount, presentAccountList } from "../presenters";
import { staffActor, staffOf } from "../require-staff";
import { resetPassword } from "../reset-password";
import { updateAccount } from "../update-account";
import { accountListSchema, accountParams, accountSchema, createAccountBody, resetPasswordBody, updateAccountBody } from "./schemas";

const tags = ["staff accounts"];

/** Administrators manage staff accounts (the first one comes from `npm run staff:create`). */
export function adminRoutes(router: Router, app: AppContext): void {
  const before = [adminGuard()];

  defineRoute(router, {
    method: "get", path: "/api/v1/admin/accounts", tags, security: ["staff"], before, summary: "Every staff account",
    response: accountListSchema,
    handler: async () => presentAccountList(await listAccounts(app), app.now()),
  });

  defineRoute(router, {
    method: "post", path: "/api/v1/admin/accounts", tags, security: ["staff"], before, status: 201,
    summary: "Create a staff account (handlers need a department)", body: createAccountBody, response: accountSchema,
    handler: async ({ body }, c) => presentAccount(await createAccount(app, { ...body, actor: staffActor(c) }), app.now()),
  });

  defineRoute(router, {
    method: "patch", path: "/api/v1/admin/accounts/:id", tags, security: ["staff"], before,
    summary: "Set role or department, disable or enable (disabling ends the account's sessions)",
    params: accountParams, body: updateAccountBody, response: accountSchema,
    handler: async ({ params, body }, c) =>
      presentAccount(await updateAccount(app, { id: params.id, ...body, actor: staffActor(c), actorAccountId: staffOf(c).accountId }), app.now()),
  });

  defineRoute(router, {
    method: "post", path: "/api/v1/admin/accounts/:id/password", tags, security: ["staff"], before,
    summary: "Give an account a new password (forgotten password): its sessions end, a lock-out is lifted",
    params: accountParams, body: resetPasswordBody, response: accountSchema,
    handler: async ({ params, body }, c) => presentAccount(await resetPassword(app, { id: params.id, password: body.password, actor: staffActor(c) }), app.now()),
  });
}
