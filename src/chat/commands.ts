import type { ChatCommand } from "./deps";
import { humanServiceReply } from "./human-service";

export type { ChatCommand, CommandContext } from "./deps";

/** Polite endings that do not change what is asked ("转人工吧", "能转人工吗？", "找客服谢谢", "人工客服在吗"). */
const ENDING = /(?:[吧呢啊呀吗嘛么哦哈。！!？?，,~～\s]|谢谢|在不在|在)+$/u;
/**
 * A person asked for by name at the end of a short message: "人工", "转人工", "人工服务",
 * "找客服", "我要找人工客服", "有人吗我要人工", "人工客服在吗", "有人工服务吗". Anchored at the
 * end, after a verb or alone, so questions that merely contain the word ("家畜人工授精站在哪",
 * "客服电话是多少") stay questions.
 */
const HUMAN = /(?:^|找|转|接|联系|要|需要|叫|换|请|有)(?:个|一个|一下)?(?:人工|客服|真人)(?:客服|服务|坐席|座席)?$/;
const DECLINED = /不要|不用|不需要|不找/;

export function asksForHuman(text: string): boolean {
  // Every plain question passes here: three substring checks before any regular expression.
  if (text.length > 24 || !(text.includes("人工") || text.includes("客服") || text.includes("真人"))) return false;
  const t = text.replace(ENDING, "");
  return HUMAN.test(t) && !DECLINED.test(t);
}

/** "人工" and its phrasings → the human-service path (src/chat/human-service.ts). */
export const transferCommand: ChatCommand = {
  name: "transfer",
  match: asksForHuman,
  handle: async ({ deps, incoming, lang }) => humanServiceReply(deps, incoming.channel, lang),
};

/** The built-ins, before the registered ones. Picking "2" from a list is handled in understand. */
export const builtinCommands: ChatCommand[] = [transferCommand];
