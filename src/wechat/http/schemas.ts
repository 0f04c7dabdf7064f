import { z } from "zod";

/** The signature WeChat adds to every request it sends (server verification and callbacks). */
const signed = { signature: z.string(), timestamp: z.string(), nonce: z.string() };

export const verifyQuery = z.object({ ...signed, echostr: z.string() });

export const callbackQuery = z.object({
  ...signed,
  openid: z.string().optional(),
  encrypt_type: z.enum(["aes"]).optional(),
  msg_signature: z.string().optional(),
});
