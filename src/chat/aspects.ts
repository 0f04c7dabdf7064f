/** The parts of a guide a question can be about (issue 4). */
export const aspects = [
  "authority", "basis", "conditions", "materials", "procedure", "timeLimit",
  "fees", "locations", "contact", "online", "overview",
] as const;
export type Aspect = (typeof aspects)[number];

/**
 * The words citizens use for each aspect, most specific first. Order of the table matters only
 * for ties; the longest cue found in the question wins (电话 inside 投诉电话 → contact).
 */
const CUES: Record<Exclude<Aspect, "overview">, string[]> = {
  timeLimit: ["多长时间", "多少时间", "多久", "几天", "多少天", "几个工作日", "多少个工作日", "几个月", "时限", "期限", "多快", "要等", "等多久",
    "什么时候能拿", "啥时候能拿", "什么时候拿", "啥时候拿", "什么时候好", "啥时候好", "什么时候下来", "啥时候下来", "当天能", "当场", "办结", "快吗", "慢吗",
    "ཉིན་གྲངས", "དུས་ཚོད", "ཡུན་ཇི་ཙམ", "ཉིན་ག་ཚོད"],
  fees: ["多少钱", "收费", "要钱", "花钱", "费用", "免费", "工本费", "几块钱", "几块", "收钱", "交钱", "给钱", "价格", "贵不贵", "贵吗", "要花",
    "གླ་ཆ", "རིན་པ", "རིན་གོང", "སྒོར་མོ", "འགྲོ་གྲོན"],
  materials: ["要带什么", "带什么", "带啥", "拿什么", "拿啥", "材料", "资料", "证件", "要什么东西", "准备什么", "准备啥", "需要什么", "要啥", "需要啥", "要什么", "提交什么", "交什么",
    "ཡིག་ཆ", "ཡི་གེ"],
  locations: ["在哪里", "在哪儿", "在哪", "去哪里", "去哪儿", "去哪", "哪里办", "哪儿办", "哪办", "地点", "地址", "窗口", "办公时间", "上班时间", "几点", "哪个大厅", "大厅", "位置",
    "གང་དུ", "ས་གནས"],
  authority: ["哪个部门", "什么部门", "啥部门", "哪个单位", "什么单位", "谁管", "谁负责", "归谁", "谁办", "主管", "哪个局", "实施主体", "负责部门",
    "ལས་ཁུངས", "སུས་སྒྲུབ"],
  basis: ["依据", "法规", "法律", "哪条", "规定", "政策", "条例", "根据什么",
    "གཞི་རྩ", "ཁྲིམས", "སྒྲིག་གཞི"],
  conditions: ["条件", "资格", "符合", "能不能办", "能办吗", "谁能办", "谁可以", "什么人可以", "要求", "够不够", "有没有资格",
    "ཆ་རྐྱེན"],
  procedure: ["流程", "步骤", "程序", "怎么办理", "怎么申请", "如何办理", "如何申请", "办理步骤", "手续", "怎么弄", "咋弄", "咋办理", "怎么操作",
    "ལས་རིམ", "བྱ་རིམ", "གོ་རིམ"],
  contact: ["电话", "咨询", "联系", "热线", "打给谁", "号码",
    "ཁ་པར", "འབྲེལ་གཏུག"],
  online: ["网上", "线上", "网办", "手机上", "手机办", "小程序", "app", "不用跑", "跑几次", "跑一趟", "网上办", "在线", "掌上", "不出门", "要跑",
    "དྲ་ཐོག", "དྲ་རྒྱ"],
};

const HOW = /(怎么|咋|如何|怎样|怎么样)(才能|去|来)?(办|弄|搞|换|补|领|申请|申领|上|报|交|取|提|改|认定|开|登记|备案|操作|处理|注册|转|迁|参保|缴|续)/;

export interface AspectMatch {
  aspect: Aspect;
  /** The question with the aspect cues removed (what is left names the item). */
  rest: string;
}

/** Detect the asked aspect; `overview` when no cue is present. */
export function detectAspect(question: string): AspectMatch {
  const q = question.normalize("NFKC").toLowerCase();
  let best: { aspect: Aspect; cue: string } | undefined;
  for (const [aspect, cues] of Object.entries(CUES) as [Aspect, string[]][]) {
    for (const cue of cues) {
      if (q.includes(cue) && (!best || cue.length > best.cue.length)) best = { aspect, cue };
    }
  }
  // "怎么换/咋补/如何申请": asking how to do it is asking for the procedure.
  if (!best && HOW.test(q)) best = { aspect: "procedure", cue: "" };
  if (!best) return { aspect: "overview", rest: q };
  let rest = q;
  for (const cues of Object.values(CUES)) for (const cue of cues) if (cue.length >= 2) rest = rest.split(cue).join(" ");
  return { aspect: best.aspect, rest };
}
