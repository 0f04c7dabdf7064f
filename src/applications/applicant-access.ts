import type { AppContext } from "../platform/context";
import type { ApplicationModel, Prisma } from "../platform/db";

/** Who is looking: the signed-in / chatting user and what is bound to them. */
export interface Viewer {
  userId?: string | undefined;
  oaOpenid?: string | undefined;
  mpOpenid?: string | undefined;
  /** The user's bound phone (users' phoneLookupKey); the application stores the same key. */
  phoneIndex?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VIEWER_FIELDS = { id: true, oaOpenid: true, mpOpenid: true, phoneIndex: true } as const;
type ViewerRow = { id: string; oaOpenid: string | null; mpOpenid: string | null; phoneIndex: string | null };

const viewerOf = (u: ViewerRow): Viewer => ({ userId: u.id, oaOpenid: u.oaOpenid ?? undefined, mpOpenid: u.mpOpenid ?? undefined, phoneIndex: u.phoneIndex ?? undefined });

/** The viewer for a user id (mini-program session) — undefined when the user is gone. */
export async function viewerOfUser(ctx: Pick<AppContext, "db">, userId: string): Promise<Viewer | undefined> {
  const u = await ctx.db.prisma.user.findUnique({ where: { id: userId }, select: VIEWER_FIELDS });
  return u ? viewerOf(u) : undefined;
}

/**
 * The viewer behind a chat conversation: the Official Account gives the openid, the
 * mini-program our user id (or its openid). Other channels (the public ask API) have no
 * identity and always need the last-4 check.
 */
export async function viewerOfChat(ctx: Pick<AppContext, "db">, channel: string, chatUserId: string): Promise<Viewer> {
  const prisma = ctx.db.prisma;
  const select = VIEWER_FIELDS;
  let user: ViewerRow | null = null;
  if (channel === "wechat") user = await prisma.user.findUnique({ where: { oaOpenid: chatUserId }, select });
  else if (channel === "miniprogram") {
    user = UUID.test(chatUserId) ? await prisma.user.findUnique({ where: { id: chatUserId }, select }) : await prisma.user.findUnique({ where: { mpOpenid: chatUserId }, select });
  } else return {};
  return user ? viewerOf(user) : channel === "wechat" ? { oaOpenid: chatUserId } : {};
}

/** The applications a viewer owns: bound by user id or openid, or by the user's bound phone. */
export function ownedBy(viewer: Viewer): Prisma.ApplicationWhereInput | undefined {
  const or: Prisma.ApplicationWhereInput[] = [];
  if (viewer.userId) or.push({ userId: viewer.userId });
  if (viewer.oaOpenid) or.push({ oaOpenid: viewer.oaOpenid });
  if (viewer.mpOpenid) or.push({ mpOpenid: viewer.mpOpenid });
  if (viewer.phoneIndex) or.push({ phoneIndex: viewer.phoneIndex });
  return or.length ? { OR: or } : undefined;
}

export function owns(a: Pick<ApplicationModel, "userId" | "oaOpenid" | "mpOpenid" | "phoneIndex">, v: Viewer): boolean {
  return Boolean(
    (v.userId && a.userId === v.userId) ||
      (v.oaOpenid && a.oaOpenid === v.oaOpenid) ||
      (v.mpOpenid && a.mpOpenid === v.mpOpenid) ||
      (v.phoneIndex && a.phoneIndex === v.phoneIndex),
  );
}
