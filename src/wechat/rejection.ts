/**
 * A callback we refuse to process (forged, stale, wrong AppId, malformed, too large). The
 * route answers it with the status and a short plain-text reason; the handler never runs.
 */
export class WechatRejection extends Error {
  override readonly name = "WechatRejection";
  constructor(
    readonly status: 400 | 401 | 403 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export const isRejection = (e: unknown): e is WechatRejection => e instanceof WechatRejection;
