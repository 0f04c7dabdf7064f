/**
 * How citizens say things in the complaint dialogue, as patterns on the NFKC-normalised
 * message. Kept apart from the state machine so each is tested and tuned on its own.
 */

/**
 * Leaving the dialogue: "取消", "算了我不投诉了", "不投了", "不想反映了", "不想弄了", "不填了".
 * Only a short message (a description such as "取消了我们小区的公交线路" starts with 取消 too,
 * and is a complaint).
 */
const LEAVE = /^(?:那|那就|还是)?(?:算了|取消|退出|放弃|不用了|不要了|不弄了)(?:吧|了|投诉|本次投诉|举报|求助|建议)?[。！!.，,～~]*$|(?:不|别|不想|不要)(?:投诉|投|举报|反映|求助|建议|提|弄|填|办)了/;
export const isCancel = (t: string) => [...t].length <= 14 && LEAVE.test(t);

/** Asking for help with the dialogue itself. */
export const isHelp = (t: string) => /^(?:帮助|help|说明|怎么填|怎么弄|\?|？|不会填|这是什么)[。？?]*$/i.test(t);

/**
 * A question rather than an answer to the step ("驾照丢了咋补", "营业执照在哪办？"). Addresses
 * and times never carry question words; a question mark alone is enough.
 */
const QUESTION = /[？?]\s*$|咋|怎么|怎样|如何|为啥|啥时候能|多少钱|能不能|可不可以|要不要|需不需要|(?:办|补|换|领|交|申请|开|查|带)(?:啥|什么|哪些)|哪里办|在哪办|去哪办|(?:吗|呢|么|嘛)[。!！]*$/;
export const isQuestion = (t: string) => QUESTION.test(t);

/** "不清楚" at the where/when steps: the field stays empty. */
export const isUnknown = (t: string) => /^(?:不清楚|不知道|无|没有|不记得|记不清|跳过|不确定)[了。!！]*$/.test(t);

const YES = /^(?:是|是的|对|同意|可以|好|好的|行|嗯|嗯嗯|ok|yes|y|愿意|能)[。!！]*$/i;
/**
 * Consent, alone or followed by a clause that does not take it back: "可以，打我电话",
 * "同意，联系我吧" (but "可以，不过别打电话" is not a yes).
 */
const YES_THEN = /^(?:是的?|对|同意|可以|好的?|行|嗯+|愿意)[，,。、\s]+(?!.*(?:不|别|没))/;
export const isYes = (t: string) => YES.test(t) || YES_THEN.test(t);
export const isNo = (t: string) => /^(?:否|不|不同意|不用|不需要|不要|不了|不行|不留|不留了|no|n|不愿意)[。!！]*$/i.test(t);
export const isConfirm = (t: string) => /^(?:确认|确定|提交|确认提交|没问题|无误|对的|正确|是|是的|好|好的|可以|ok|yes)[。!！]*$/i.test(t);

/** A mainland mobile number anywhere in the message. */
export const phoneIn = (t: string) => /(?<!\d)1[3-9]\d{9}(?!\d)/.exec(t.replace(/[\s-]/g, ""))?.[0];

export type Field = "text" | "address" | "occurredText" | "phone";
const FIELD_WORDS: [RegExp, Field][] = [
  [/^(?:内容|描述|问题|事情|情况)/, "text"],
  [/^(?:地址|地点|位置|地方)/, "address"],
  [/^(?:时间|日期|发生时间)/, "occurredText"],
  [/^(?:电话|手机号?|手机号码|联系方式|号码|联系电话)/, "phone"],
];
/** "1".."4" or the field's name, when choosing what to correct. */
export function fieldOf(t: string): Field | undefined {
  const byNumber = (["text", "address", "occurredText", "phone"] as const)[Number(/^([1-4])[.。、]?$/.exec(t)?.[1]) - 1];
  return byNumber ?? FIELD_WORDS.find(([re]) => re.test(t))?.[1];
}

/** "地址不对", "电话写错了": the field named, its new value still to be asked. */
const WRONG = /^(.{2,5}?)(?:不对|错了|写错了|有误|填错了|不准确)[。!！]*$/;

/** "改地址 西宁市…", "地址改成…", "修改电话：139…", "地址不对", or "修改" alone (then the field is asked). */
export function correctionIn(t: string): { field?: Field; value: string } | undefined {
  const wrong = WRONG.exec(t);
  const wrongField = wrong ? fieldOf(wrong[1]!) : undefined;
  if (wrongField) return { field: wrongField, value: "" };
  // "不对" alone: something is wrong, which is asked.
  if (/^(?:不对|有误|错了|不正确|有错)[。!！]*$/.test(t)) return { value: "" };
  const m = /^(?:改|修改|更改|更正|更新|换)(?:一下)?(.*)$/s.exec(t) ?? /^(.{2,5}?)(?:改成|改为|换成|应该是)(.*)$/s.exec(t);
  if (!m) return undefined;
  if (m.length === 2 || m[2] === undefined) {
    const rest = m[1]!.trim();
    if (!rest) return { value: "" };
    const field = fieldOf(rest);
    if (!field) return undefined;
    const word = FIELD_WORDS.find(([, f]) => f === field)![0].exec(rest)![0];
    return { field, value: rest.slice(word.length).replace(/^[\s:：,，为成是]+/, "").trim() };
  }
  const field = fieldOf(m[1]!.trim());
  return field ? { field, value: m[2]!.replace(/^[\s:：,，]+/, "").trim() } : undefined;
}
