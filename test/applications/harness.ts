import crypto from "node:crypto";
import { applicationsCapability, applicationsDeps, applicationProgressCommand, signIntegrationBody, type ApplicationsDeps, type ItemInfo } from "../../src/applications";
import { calendarCapability, holidayCalendar } from "../../src/calendar";
import { notify } from "../../src/notifications";
import type { Session } from "../../src/chat";
import type { CommandContext } from "../../src/chat/commands";
import { miniprogramCapability } from "../../src/miniprogram";
import type { DbKind } from "../../src/platform/db";
import type { Capability } from "../../src/platform/capability";
import { phoneLookupKey } from "../../src/users";
import { startTestService, type TestService } from "../support/service";

/** A Shanghai wall-clock time as a UTC instant: sh("2025-11-03 10:00"). */
export const sh = (text: string): Date => new Date(`${text.replace(" ", "T")}:00+08:00`);

export const ADMIN_TOKEN = "test-admin-token-0123456789";
export const INTEGRATION = { id: "upstream", secret: "s3cret-upstream-key" };

export const ITEMS: Record<string, ItemInfo> = {
  W5: { code: "W5", name: "建设工程规划许可", department: "省自然资源厅", limit: { value: 5, unit: "工作日" } },
  W6: { code: "W6", name: "食品经营许可", department: "省市场监管局", limit: { value: 6, unit: "工作日" } },
  W3: { code: "W3", name: "药品经营许可", department: "省药监局", limit: { value: 3, unit: "工作日" } },
};

export interface Harness {
  service: TestService;
  deps: ApplicationsDeps;
  clock: { now: Date };
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  create(item: string, applicant?: { name: string; idNumber?: string; phone?: string }, extra?: Record<string, unknown>): Promise<any>;
  move(number: string, status: string, at: Date, details?: Record<string, unknown>): Promise<{ status: number; body: any }>;
  signedPost(body: unknown, opts?: { timestamp?: number; secret?: string; id?: string }): Promise<{ status: number; body: any }>;
  addUser(u: { oaOpenid?: string; mpOpenid?: string; phone?: string }): Promise<string>;
  stop(): Promise<void>;
}

export const APPLICANT = { name: "张三丰", idNumber: "630102199001011234", phone: "13912345678" };

/** More of the service: e.g. notificationsCapability() and the fake WeChat's env (notice tests). */
export interface HarnessExtras {
  env?: Record<string, string>;
  capabilities?: Capability[];
}

export async function startHarness(db: DbKind, start = sh("2025-09-26 09:00"), extras: HarnessExtras = {}): Promise<Harness> {
  const clock = { now: start };
  const service = await startTestService({
    db,
    now: () => clock.now,
    env: { ADMIN_TOKEN, INTEGRATION_SECRETS: `${INTEGRATION.id}:${INTEGRATION.secret},other:x`, PUBLIC_BASE_URL: "https://zw.example.cn", ...extras.env },
    capabilities: [
      calendarCapability(),
      miniprogramCapability(),
      applicationsCapability({ items: () => ({ getItem: async (code) => ITEMS[code] ?? null }), calendar: holidayCalendar, notify: (ctx) => (n) => notify(ctx, n), supervisionEveryMs: 3_600_000 }),
      ...(extras.capabilities ?? []),
    ],
  });
  const deps = applicationsDeps(service.ctx);
  const json = async (res: Response) => ({ status: res.status, body: await res.json().catch(() => undefined) });
  const admin: Harness["admin"] = async (method, path, body) =>
    json(
      await fetch(service.url + path, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return {
    service,
    deps,
    clock,
    admin,
    async create(item, applicant = APPLICANT, extra = {}) {
      const r = await admin("POST", "/api/v1/admin/applications", { itemCode: item, applicant, ...extra });
      if (r.status !== 201) throw new Error(`create failed ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    // Time passes: a staff move happens at its own time (events may not come from the future).
    move: (number, status, at, details) => (clock.now = at > clock.now ? at : clock.now, admin("POST", `/api/v1/admin/applications/${number}/transitions`, { status, at: at.toISOString(), details })),
    async signedPost(body, opts = {}) {
      const raw = JSON.stringify(body);
      const ts = String(opts.timestamp ?? Math.floor(clock.now.getTime() / 1000));
      const res = await fetch(`${service.url}/api/v1/integrations/applications/events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-integration-id": opts.id ?? INTEGRATION.id,
          "x-timestamp": ts,
          "x-signature": signIntegrationBody(opts.secret ?? INTEGRATION.secret, ts, raw),
        },
        body: raw,
      });
      return json(res);
    },
    async addUser(u) {
      const user = await service.ctx.db.prisma.user.create({
        data: {
          oaOpenid: u.oaOpenid ?? null,
          mpOpenid: u.mpOpenid ?? null,
          ...(u.phone ? { phoneEnc: service.ctx.crypto.encrypt(u.phone), phoneIndex: phoneLookupKey(service.ctx, u.phone), phoneBoundAt: clock.now } : {}),
        },
      });
      return user.id;
    },
    stop: () => service.stop(),
  };
}

/** The chat command without a channel: keeps the session like handleMessage does. */
export function chatWith(h: Harness, channel: "wechat" | "miniprogram" | "api", userId: string) {
  const command = applicationProgressCommand(h.deps);
  const session: Session = {};
  return async (text: string): Promise<string | null> => {
    if (!command.match(text, session)) return null;
    const ctx = {
      deps: {} as CommandContext["deps"],
      incoming: { kind: "text", channel, userId, text, receivedAt: h.clock.now },
      text,
      lang: "zh",
      session,
      update: (p: Partial<Session>) => Object.assign(session, p),
    } as CommandContext;
    const reply = await command.handle(ctx);
    return reply.kind === "text" ? reply.text : null;
  };
}

export const randomOpenid = () => `o_${crypto.randomBytes(8).toString("hex")}`;

/**
 * Runs `work` with every Prisma operation of the service counted (the service's own client,
 * wrapped with a query extension for the duration; operations read ctx.db.prisma per call).
 * Queued jobs (applicant notifications) finish first, so only `work`'s queries are counted.
 */
export async function countQueries<T>(h: Harness, work: () => Promise<T>): Promise<{ queries: number; result: T }> {
  await h.service.ctx.queue.drain();
  const db = h.service.ctx.db;
  const original = db.prisma;
  let queries = 0;
  db.prisma = original.$extends({
    query: {
      async $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  }) as unknown as typeof original;
  try {
    const result = await work();
    return { queries, result };
  } finally {
    db.prisma = original;
  }
}
