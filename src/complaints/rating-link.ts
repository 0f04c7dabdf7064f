import type { AppContext } from "../platform/context";

/**
 * The rating link sent with a reply: /complaints/rate/<ticketNo>?t=<token>, where the token
 * is a keyed hash of the ticket number (ctx.crypto.blindIndex), so only the citizen who got
 * the message can rate without logging in.
 */
export const ratingToken = (app: AppContext, ticketNo: string) => app.crypto.blindIndex(`complaint-rating:${ticketNo}`).slice(0, 32);

export const ratingLink = (app: AppContext, ticketNo: string) =>
  `${app.config.PUBLIC_BASE_URL.replace(/\/$/, "")}/complaints/rate/${ticketNo}?t=${ratingToken(app, ticketNo)}`;
