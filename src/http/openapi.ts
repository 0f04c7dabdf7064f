import { OpenAPIRegistry, OpenApiGeneratorV3, extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import type Router from "@koa/router";
import type { Context, Middleware } from "koa";
import { z, type ZodType } from "zod";
import { validationFailed } from "../platform/platform-errors";

extendZodWithOpenApi(z);

/** Every route defined with `defineRoute` is documented here; /openapi.json renders it. */
export const registry = new OpenAPIRegistry();
const documented = new Set<string>();

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface RouteSpec<P extends ZodType, Q extends ZodType, B extends ZodType> {
  method: Method;
  /** Koa-router path, e.g. /api/v1/items/:code */
  path: string;
  summary: string;
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Response schema for the 200 (or `status`) response. */
  response?: ZodType;
  status?: number;
  /** Security scheme names, e.g. ["session"], ["admin"]. */
  security?: string[];
  /** Middleware run before validation (rate limit, auth). */
  before?: Middleware[];
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
    ctx: Context,
  ) => Promise<unknown> | unknown;
}

/**
 * A route as a pipeline: before (rate limit → auth) → validate params/query/body with zod →
 * one operation (handler) → the handler's return value is the JSON body. The same zod
 * schemas generate the OpenAPI document, so docs and validation cannot drift apart.
 */
export function defineRoute<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType>(
  router: Router,
  spec: RouteSpec<P, Q, B>,
): void {
  const key = `${spec.method} ${spec.path}`;
  if (!documented.has(key)) {
    documented.add(key);
    registry.registerPath({
      method: spec.method,
      path: spec.path.replace(/:(\w+)/g, "{$1}"),
      summary: spec.summary,
      tags: spec.tags,
      security: spec.security?.map((s) => ({ [s]: [] })),
      request: {
        params: spec.params as never,
        query: spec.query as never,
        body: spec.body ? { content: { "application/json": { schema: spec.body } } } : undefined,
      },
      responses: {
        [spec.status ?? 200]: {
          description: "OK",
          content: spec.response ? { "application/json": { schema: spec.response } } : undefined,
        },
        ...(spec.params || spec.query || spec.body ? { 400: { description: "Validation failed" } } : {}),
      },
    });
  }
  const validate: Middleware = async (ctx) => {
    const issues: Issue[] = [];
    const params = parse(spec.params, ctx.params, "params", issues);
    const query = parse(spec.query, ctx.query, "query", issues);
    const body = parse(spec.body, (ctx.request as { body?: unknown }).body, "body", issues);
    if (issues.length) throw validationFailed(issues);
    const result = await spec.handler({ params, query, body } as never, ctx);
    if (result !== undefined && ctx.body === undefined) {
      ctx.status = spec.status ?? 200;
      ctx.body = result;
    }
  };
  router[spec.method](spec.path, ...(spec.before ?? []), validate);
}

export interface RouteDoc {
  method: Method;
  /** Koa-router path; its `:params` are documented as strings unless `params` says more. */
  path: string;
  summary: string;
  tags?: string[];
  security?: string[];
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** Media types the body may come in (default JSON). */
  bodyTypes?: string[];
  /** Media types of the answer (`text/html` for pages, `text/xml` for WeChat, …); default JSON. */
  responseTypes?: string[];
  response?: ZodType;
  status?: number;
}

/**
 * Routes that do not go through `defineRoute` (Open311's own error shape, WeChat's signed
 * XML, webhooks read raw for their signatures, H5 pages) are documented here, so
 * /openapi.json lists every route the service answers.
 */
export function documentRoute(doc: RouteDoc): void {
  const key = `${doc.method} ${doc.path}`;
  if (documented.has(key)) return;
  documented.add(key);
  const names = [...doc.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = doc.params ?? (names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined);
  const content = (types: string[] | undefined, schema: ZodType | undefined) =>
    Object.fromEntries((types ?? ["application/json"]).map((t) => [t, { schema: schema ?? z.string() }]));
  registry.registerPath({
    method: doc.method,
    path: doc.path.replace(/:(\w+)/g, "{$1}"),
    summary: doc.summary,
    tags: doc.tags,
    security: doc.security?.map((s) => ({ [s]: [] })),
    request: {
      params: params as never,
      query: doc.query as never,
      body: doc.body || doc.bodyTypes ? { content: content(doc.bodyTypes, doc.body) } : undefined,
    },
    responses: { [doc.status ?? 200]: { description: "OK", content: content(doc.responseTypes, doc.response) } },
  });
}

/** The method and path of every route documented so far ("get /api/v1/items/:code"). */
export const documentedRoutes = (): ReadonlySet<string> => documented;

interface Issue {
  path: string;
  message: string;
}


/** For routes outside defineRoute (HTML pages, raw bytes): the same validation, the same 400. */
export function validateInput<T>(schema: ZodType<T>, value: unknown, where: "params" | "query" | "body"): T {
  const issues: Issue[] = [];
  const data = parse(schema, value, where, issues);
  if (issues.length) throw validationFailed(issues);
  return data as T;
}

/** Every problem of params, query and body is reported at once. */
function parse(schema: ZodType | undefined, value: unknown, where: string, issues: Issue[]): unknown {
  if (!schema) return value;
  const r = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (r.success) return r.data;
  for (const i of r.error.issues) issues.push({ path: [where, ...i.path].join("."), message: i.message });
  return undefined;
}

export function openApiDocument(info: { title: string; version: string; serverUrl: string }): object {
  registry.registerComponent("securitySchemes", "session", { type: "http", scheme: "bearer", description: "Mini-program session token" });
  registry.registerComponent("securitySchemes", "admin", { type: "http", scheme: "bearer", description: "The machine token (ADMIN_TOKEN) for automation; staff sign in instead (zw_staff cookie), with the roles of src/staff/admin-policy.ts" });
  registry.registerComponent("securitySchemes", "staff", { type: "apiKey", in: "cookie", name: "zw_staff", description: "Staff session (POST /api/v1/staff/login); state changes also need X-CSRF-Token" });
  registry.registerComponent("securitySchemes", "apiKey", { type: "apiKey", in: "query", name: "api_key" });
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: "3.0.3",
    info: { title: info.title, version: info.version },
    servers: [{ url: info.serverUrl }],
  });
}
