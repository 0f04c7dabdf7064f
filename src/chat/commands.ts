import type { ChatCommand } from "./deps";
import { t } from "./render";

export type { ChatCommand, CommandContext } from "./deps";

/** "人工" → hand over to human customer service (WeChat transfer_customer_service). */
export const transferCommand: ChatCommand = {
  name: "transfer",
  match: (text) => /^(转)?人工(客服|服务)?$/.test(text) || /^(找|要)人工/.test(text),
  handle: async ({ lang }) => ({ kind: "transfer", text: t(lang, "transfer") }),
};

/** The built-ins, before the registered ones. Picking "2" from a list is handled in understand. */
export const builtinCommands: ChatCommand[] = [transferCommand];
