/** The parts of a guide a question can be about (issue 4). */
export const aspects = [
  "authority", "basis", "conditions", "materials", "procedure", "timeLimit",
  "fees", "locations", "contact", "online", "overview",
] as const;
export type Aspect = (typeof aspects)[number];

/**
 * How citizens ask about each part of a guide. Every cue has a strength:
 * 3 — the aspect is named ("材料", "条件", "依据", "电话", "网上");
 * 2 — a question phrase that asks for it ("带啥", "多少钱", "在哪", "多久", "谁管");
 * 1 — a weak hint ("怎么补" → procedure).
 * The strongest cue wins; on a tie the aspect earlier in PRIORITY wins (a question naming
 * both 投诉 and 找谁 is about contact; 条件 beats 需要什么). Cues are regular expressions on the
 * NFKC-lowercased question; what they match is removed before the item is looked up.
 */
interface Cue {
  aspect: Exclude<Aspect, "overview">;
  re: RegExp;
  strength: number;
  /** The cue as plain text, when it is one: most questions lack it, and `includes` says so cheaply. */
  literal?: string;
}

const PRIORITY: Aspect[] = ["contact", "basis", "conditions", "online", "fees", "timeLimit", "materials", "locations", "authority", "procedure"];

const cue = (aspect: Cue["aspect"], strength: number, ...res: (RegExp | string)[]): Cue[] =>
  res.map((r) =>
    typeof r === "string"
      ? { aspect, strength, re: new RegExp(r, "g"), ...(/^[^.*+?^${}()|[\]\\]+$/.test(r) ? { literal: r } : {}) }
      : { aspect, strength, re: new RegExp(r.source, r.flags.includes("g") ? r.flags : `${r.flags}g`) },
  );

/** "是单位去办还是我自己去", "是我去报还是买牛的老板去报": which of two parties applies. */
const WHO = /是(\p{Script=Han}{1,8}?)(?:去|来)?(?:办|报|申请|申报)还是(\p{Script=Han}{1,8}?)(?:去|来)?(?:办|报|申请|申报|去)/u;

const CUES: Cue[] = [
  // contact: hotline, complaints, whom to call (not "换电话号码", which is an item)
  ...cue("contact", 3, "投诉", "举报", "热线", "咨询", /(?<![换改变更新留])电话(?!号码?[变改换])/, "客服"),
  ...cue("contact", 2, "打给谁", "联系谁", "号码是", "打哪个"),
  // basis: laws, regulations, policy documents
  // (法律援助, 法律咨询 are services, not the law)
  ...cue("basis", 3, "依据", "法规", /法律(?!援助|服务|咨询|顾问|文书|工作者|职业)/, "条例", /(?:哪个|什么|哪部|啥)法(?:律|规)?/, "哪条", "第几条", "哪一条", "根据什么", "政策文件", "文件是", "哪个文件", "什么文件", "什么规定", "规定", "政策"),
  // a penalty ("罚多少钱", "不办会咋样") is stated by the law (paying a fine, 交罚款, is a fee)
  ...cue("basis", 3.5, /(?<!交)罚(?:多少|款|钱|不|吗|么)|处罚/),
  ...cue("basis", 2.5, /(?:会|能)(?:咋样|怎样|怎么样)[吗呢啊]?$|(?:啥|什么)后果/),
  // conditions: eligibility, age, who may apply, when/within how long one must apply
  ...cue("conditions", 3, "条件", /(?<![师业])资格(?!证|考试)/, "符合", "够不够", "哪些人", "什么人", "什么样的人", "啥人", "哪种人", "谁能", "谁可以", "谁有资格", "够格"),
  // a required quantity ("得多少人才能成立", "需要几个兽医", "普通话要几级", "最长能占多久") or a
  // contribution period ("社保交了多久才够格"): what the applicant must have is a condition
  // "要多少人同意", "失联多长时间才算": how many must agree, how long before something counts
  ...cue("conditions", 2.5, /(?:要|得|需要)?多少(?:个)?人(?:同意|签字|签名|通过)/, /(?:多久|多长时间|几个月|几年|几天)(?:才|就)(?:算|能算|可以算)/),
  ...cue("conditions", 2.5, /(?:啥|什么|哪些|有没有)(?:学历|文化程度|工作经验)(?:要求)?/, /(?:得|需要|必须|至少|起码|最少|最低|要求)(?:要|得)?(?:有|达到|满|够)?(?:多少|几)(?!天|个?工作日|钱|块|次|趟)/, /要(?:达到|满|够|有)(?:多少|几)(?!天|个?工作日|钱|块)/,
    /(?:要|得)几级/, /(?:得|要)?多远/, /(?:最多|最长|最久)(?:能|可以)\p{Script=Han}{1,2}?(?:多久|多长时间|几年|几个月)/u,
    /(?:交|缴)(?:了|够|满)?(?:多久|多长时间|几年|多少年)/),
  ...cue("conditions", 2, "多大", "年龄", "几岁", "要求",
    /(什么时候|啥时候|哪天|几月份?)(开始)?(可以|能)?(办|申报|申请|报名|汇算|交)(?!好|完|下来|结)/,
    /(多少天|几天|多久|多长时间|几个月|多少日|几日)(以)?内(要|得|必须|需要|应当|就要)?/, /提前(多久|几天|多少天|多长时间|几个月)/,
    // the citizen's residence status decides eligibility ("户口不在西宁", "外地户口", "外地孩子")
    /(户口|户籍)(都|也|还)?(不在|没在)(本地|当地|这里|这边|\p{Script=Han}{2}(?:市|县|省)?)/u, /(外地|外省|非本地|外市)(户口|户籍|孩子|人|的人)/,
    // what must be done first ("年审之前要先处理啥", "办之前要满足什么")
    /之前(要|得|需要|必须)/, "前提",
    // "过了多久就不能报了": the deadline to apply is a condition
    /(多久|多长时间|几天|几个月|几年)(就|后|以后)?(不能|不让|不可以|不给|报不了|办不了)/),
  // "是物业去办还是业主自己办", "单位报还是个人报": who must apply (the guide's text decides
  // whether its conditions or its steps say so: see `who`)
  ...cue("conditions", 2, WHO),
  // online
  ...cue("online", 3, "网上", "线上", "网办", /手机(?:上|里)?(?!号)/, "不用去", "不去现场", "小程序", "app", "公众号", "掌上", "在线", "不用跑", "不出门", "跑几次", "跑一趟", "要跑", "网站"),
  ...cue("online", 2, /电子(?=\p{Script=Han})/u),
  // fees
  // "能免费做吗", "还能再免费查一回不": whether one is eligible for the free service
  ...cue("conditions", 3, /能(?:再)?免费\p{Script=Han}{0,4}?(?:吗|么|不)/u),
  // a named charge or tax and who pays it ("鉴定费要自己掏不", "契税交多少", "公证费是咋收的", "要交什么钱");
  // the charge's name stays in the question (it may name the item: 契税)
  ...cue("fees", 3, /(?<=\p{Script=Han}[费税])(?:还|也|是)?(?:要|得|需要)?(?:自己|个人)?(?:咋|怎么)?(?:交|缴|掏|出|付|收)(?:多少(?!年|个月)|吗|不|么|没|的|啊)/u,
    /(?:交|缴|掏|出|付)(?:什么|啥|哪些)钱/, /(?:按|以)(?:啥|什么|哪个)标准(?:交|缴|收)/, /(?:还|也)?要(?:交|缴)税/),
  ...cue("fees", 3, "多少钱", "收费", "要钱", "花钱", "费用", "免费", "工本费", "几块", "收钱", "交钱", "给钱", "价格", "贵不贵", "贵吗", "要花", "学费", "多钱", "几个钱", "哪些费", "啥费", "什么费", "收不收", /\p{Script=Han}费(多少|是多少|吗|不|要多少|怎么算)/u, /多少钱一(次|个|张|本|年)/),
  // time limits: how long processing takes, when the result is ready ("从交材料到拿证得多久":
  // the papers named are where the time starts, not what is asked)
  ...cue("timeLimit", 3.5, /从\p{Script=Han}{1,8}?到\p{Script=Han}{1,8}?(?:多久|几天|多长时间|多少天|几个工作日)/u),
  ...cue("timeLimit", 2.5, /(多久|多长时间|几天|多少天|多少个?工作日)(能|才能|可以|就能)?(批|审批|批下来|审核|下来|出来|办好|办完|到账|生效|拿到|办下来|出结果)/),
  ...cue("timeLimit", 2, "多长时间", "多少时间", "多久", "几天", "多少天", "几个工作日", "多少个工作日", "时限", "多快", "要等", "几个月",
    /(什么时候|啥时候|多会儿?|几时)(能|可以|才能|就)?(拿|好|下来|出|到|批|办好|办完|生效|领到)/, "当天", "当场", "马上", "立等", /(?<![补代])办结/,
    "快吗", "慢吗", "到账", "出结果", "办下来", "批下来", "几号"),
  // materials
  ...cue("materials", 3, "材料", "资料", "复印件", "原件"),
  ...cue("materials", 2, "要带什么", "带什么", "带啥", "带哪些", "拿什么", "拿啥", "证件", "要什么东西", "准备什么", "准备啥", "需要什么", "要啥", "需要啥",
    "要什么", "提交什么", "交什么", "交啥", "带些啥", "要些啥", "准备些啥", /(?:开|出|要)?(?:啥|什么)证明/, "交哪些", "要哪些", "哪些东西", "什么东西", "要带", "代办", "代开", "代领", "代取", "委托", /让(家人|别人|亲戚|朋友|子女|孩子)/),
  // "照片要几张，啥样的", "照片要几寸的": a material's form
  // "交些啥东西", "得拿些啥", "要准备点什么"
  ...cue("materials", 2.5, /(?:交|带|准备|拿|提供|递)(?:些|点)(?:啥|什么)/),
  ...cue("materials", 2.5, /(?:照片|相片|寸照)\p{Script=Han}{0,2}?(?:几张|几寸|啥样|什么样|什么要求)/u, /几寸/),
  // locations: where the papers go ("交到哪", "在哪交材料") is a place, not the papers
  ...cue("locations", 3.5, /(?:交到|送到|递到|交去|送去|寄到)(?:哪|哪里|哪儿)|(?:在|去|到)(?:哪|哪里|哪儿)(?:交|递交|提交|送|寄)/),
  // "在市里办还是县里办", "也在这办吗": which place
  ...cue("locations", 2.5, /在\p{Script=Han}{1,4}?办还是(?:在|去)?\p{Script=Han}{1,4}?办/u),
  ...cue("locations", 2, /(?:也|能|可以)?在(?:这儿|这里|这边|这)(?:能|可以)?(?:办|认定|申请|弄|交)/, "交给谁"),
  // "在城西区哪里登", "哪里申请": where, with the verb after it
  ...cue("locations", 2, /哪(?:里|儿)(?:登记|登|申请|申报|报名|领取|领|办理)/),
  ...cue("locations", 2, "在哪里", "在哪儿", "在哪", "去哪里", "去哪儿", "去哪", "哪里办", "哪儿办", "哪办", "地点", /地址(在哪|是|在什么)/, "窗口", "办公时间",
    "上班时间", "几点", "大厅", "位置", "跑哪", /上哪(?!个部门|个单位|个局)/, "去哪个", "哪个窗口", "哪个大厅", "什么地方", "哪个地方", "在外地", "在异地", "异地办", "外地办", "就近", "不回", "哪个网点", "网点"),
  // authority
  ...cue("authority", 2, "哪个部门", "什么部门", "啥部门", "哪个单位", "什么单位", "啥单位", "谁管", "谁负责", "归谁", "归哪", "谁办", "谁审批", "谁批", "谁发",
    "主管", "哪个局", "实施主体", "负责部门", "哪个机关", "什么机关"),
  ...cue("authority", 1.5, "找谁"),
  // "是民政局管还是殡仪馆管", "民政局批还是市场监管局批": which of two offices
  ...cue("authority", 2.5, /(?:是|归|由|去|到|找)\p{Script=Han}{1,6}?(?:局|馆|所|中心|部门|院|委|站|队|联|会)(?:管|批|办|负责|审批)?还是(?:去|到)?\p{Script=Han}{1,6}?(?:局|馆|所|中心|部门|院|委|站|队|联|会)(?:管|批|办|负责|审批)?/u),
  // "也是区交通局批吗", "是县民政局管吗": whether this office decides
  ...cue("authority", 2.5, /是\p{Script=Han}{1,8}?(?:局|中心|部门|委|站|队|所|政府)(?:批|管|审批|负责|发证|发)(?:吗|么|不|嘛)/u),
  // "文旅局批还是公安批", "乡政府批还是县里批": which office decides
  ...cue("authority", 2.5, /(?:是|归|由)\p{Script=Han}{1,6}?(?:批|管|审批|负责|发证)还是\p{Script=Han}{1,6}?(?:批|管|审批|负责|发证)/u),
  // "找哪个部门", "归哪个单位": the verb before belongs to the question, not to the item's name
  ...cue("authority", 2, /(?:去找|找|到|归|属于|由)(?:哪个|那个|什么|啥|哪一个)(?:部门|单位|局|机关)/),
  // "裁员报告交给哪个部门": whom the papers go to is the office in charge
  ...cue("authority", 2.5, /(?:交给|交到|报给|报到|送给)(?:哪个|什么|啥)(?:部门|单位|局|机关)/),
  // procedure
  ...cue("procedure", 3, "流程", "步骤", "程序", "第一步", "下一步", "先干嘛", "先干啥", "先做什么", "先做啥", "怎么走",
    // "先找谁", "先去哪": where to start is the first step of the procedure
    /先(找谁|去哪|找哪|到哪|上哪|干什么|要干)/),
  ...cue("procedure", 2.5, /(要|需要|有|办)(啥|什么|哪些)手续/),
  // "钱打到哪个卡上", "补助钱是咋发的": how a benefit is paid is a step of the procedure
  ...cue("procedure", 2.5, /(?:打|发|存|转)(?:到|进)(?:哪|啥|什么)/, /(?:钱|补贴|补助|养老金|待遇|资金|抚恤金)(?:是)?(?:咋|怎么|如何)(?:发|给|打)/),
  ...cue("procedure", 2, "怎么办理", "怎么申请", "如何办理", "如何申请", "怎么操作", "咋办理", "怎么弄", "咋弄", "咋整", "怎么整", "怎么搞", "咋搞"),
  ...cue("procedure", 1, "手续"),
  // Tibetan: materials, fees, time, how to contact; "where/how" questions are overviews
  ...cue("materials", 3, "ཡིག་ཆ", "ཡི་གེ"),
  // "ག་རེ་དགོས" ("what is needed") asks for the materials
  ...cue("materials", 2, "ག་རེ་དགོས"),
  ...cue("fees", 3, "གླ་ཆ", "རིན་པ", "རིན་གོང", "སྒོར་མོ", "འགྲོ་གྲོན"),
  ...cue("timeLimit", 2, "ཉིན་གྲངས", "དུས་ཚོད", "ཡུན་ཇི་ཙམ", "ཉིན་ག་ཚོད"),
  ...cue("authority", 2, "ལས་ཁུངས", "སུས་སྒྲུབ"),
  ...cue("basis", 3, "གཞི་རྩ", "ཁྲིམས", "སྒྲིག་གཞི"),
  ...cue("conditions", 3, "ཆ་རྐྱེན"),
  ...cue("procedure", 3, "ལས་རིམ", "བྱ་རིམ", "གོ་རིམ"),
  ...cue("contact", 3, "ཁ་པར", "འབྲེལ་གཏུག"),
  ...cue("online", 3, "དྲ་ཐོག", "དྲ་རྒྱ"),
];

/** A clause that asks something (a question word or particle), as opposed to one telling the situation. */
const ASKS = /[吗么嘛呢啥谁哪怎咋？?]|(?<![好十])几|什么|多少|多久|多长|多大|[不没]$|要不要|能不能|可不可以|是否|能否/;

/** "怎么换/咋补/如何申请": asking how to do it is asking for the procedure (weak). */
const HOW = /(怎么|咋|如何|怎样|怎么样)(才能|去|来)?(办|弄|搞|换|补|领|申请|申领|上|报|交|取|提|改|认定|开|登记|备案|操作|处理|注册|转|迁|参保|缴|续|查|退|参加|整|走)/;

/** A yes/no question ("能…吗", "要…不", "可以…吗"): the answer is wherever the guide says so. */
const YES_NO = /(能不能|可不可以|能否|是否|要不要|需不需要|用不用|会不会|行不行|可以不|有没有)|(能|可以|可|要|需要|得|还要|还能|会|用|必须|一定要|非得|非要)[^，,。？?!！]*?(吗|么|嘛|不|没)[？?。!！\s]*$/;

/** "…期" nouns whose length the law states (有效期, 冷静期): answered by content, not by the time limit. */
const PERIOD = /(有效期|冷静期|公示期|等待期|缴费期|领取期|申报期|考察期|试用期|保质期)(是)?(多久|多长|几年|几个月|多少年|多少天|几天|是多少)?/g;
/**
 * How much a benefit pays ("能补多少钱", "一年补多少", "每个月给多少"): what the citizen gets is
 * told in the overview (or the FAQ), not in the fees the citizen pays ("要给多少钱").
 */
const BENEFIT = /(?:补|领|拿|发)(?:助|到|了)?(?:多少钱?|几千|几百)(?!个月|年|天)|(?:能|会|每个?月|一年|每年)给(?:我|我们)?多少钱?/g;

/** How long a thing lasts or may be drawn ("用几个月过期", "能用多久", "能管几年", "最多领多少个月"): the law states it. */
const DURATION = /(能用|可以用|用|能管|管)(多久|多长时间|几年|几个月|多少年)(过期|到期)?|(多久|几个月|几年|多长时间)(过期|到期|失效)|(最多|一共|总共|能)?领(多少个月|几个月|多久|多长时间|几年)/g;

export interface AspectMatch {
  aspect: Aspect;
  /** The question with the aspect cues removed (what is left names the item). */
  rest: string;
  /** Strength of the winning cue (0 when none: overview). */
  strength: number;
  /** Yes/no question: the guide's content decides the aspect when no strong cue is present. */
  yesNo: boolean;
  /** A "…期" noun asked about (有效期): the section that states it answers. */
  period?: string;
  /** A second part asked in the same message ("要钱吗几天能开出来": fees, then timeLimit). */
  also?: Aspect;
  /** Which of two parties applies ("是单位去办还是我自己去"): the two parties named. */
  who?: [string, string];
}

/** Detect the asked aspect; `overview` when no cue is present. */
export function detectAspect(question: string): AspectMatch {
  const q = question.normalize("NFKC").toLowerCase();
  let best: { aspect: Aspect; strength: number; len: number } | undefined;
  let rest = q;
  const better = (a: Aspect, s: number, len: number) =>
    !best || s > best.strength || (s === best.strength && (PRIORITY.indexOf(a) < PRIORITY.indexOf(best.aspect) || (a === best.aspect && len > best.len)));
  let period: string | undefined;
  for (const m of q.matchAll(PERIOD)) {
    period ??= m[1];
    rest = rest.split(m[0]).join(" ");
  }
  for (const m of q.matchAll(DURATION)) {
    period ??= /领/.test(m[0]) ? "期限" : "有效期";
    rest = rest.split(m[0]).join(" ");
  }
  // The cues read the question without the benefit asked about (positions kept).
  const scan = q.replace(BENEFIT, (m) => " ".repeat(m.length));
  rest = rest.replace(BENEFIT, " ");
  const found: { cue: Cue; text: string; at: number }[] = [];
  for (const c of CUES) {
    if (c.literal !== undefined && !scan.includes(c.literal)) continue;
    c.re.lastIndex = 0;
    for (const m of scan.matchAll(c.re)) found.push({ cue: c, text: m[0], at: m.index ?? 0 });
  }
  // "在企业上班快到年龄了 办退休要准备啥", "外地户口在西宁买车 上牌要带啥": the first clause tells the
  // situation, the last asks. When some clause asks, a cue in a clause that does not is weaker.
  const clauses = [...q.matchAll(/[^，,。？?！!；;\s]+/g)].map((m) => ({ from: m.index ?? 0, to: (m.index ?? 0) + m[0].length, asks: ASKS.test(m[0]) }));
  const asking = clauses.some((c) => c.asks);
  const strength = (f: { cue: Cue; at: number }) =>
    asking && clauses.some((c) => !c.asks && f.at >= c.from && f.at < c.to) ? f.cue.strength - 1.25 : f.cue.strength;
  for (const f of found) if (better(f.cue.aspect, strength(f), f.text.length)) best = { aspect: f.cue.aspect, strength: strength(f), len: f.text.length };
  // Remove the longest cues first so "要带什么" goes before "要什么".
  // Weak cues stay: "退休手续" is also how citizens name the item.
  for (const { cue: c, text } of found.sort((a, b) => b.text.length - a.text.length)) if (c.strength >= 2) rest = rest.split(text).join(" ");
  if ((!best || best.strength < 1) && HOW.test(q)) best = { aspect: "procedure", strength: 1, len: 0 };
  // "孩子是脑瘫，想给他办个残疾证，咋办", "厂子要从河里抽水用，得办啥手续": a situation told, then a
  // bare "how" — the citizen asks what this service is and how it goes as a whole (the overview),
  // not for the steps of an item they named ("退休手续咋办").
  if (best?.aspect === "procedure" && best.strength < 3 && situationThenHow(q, clauses, found)) best = { aspect: "overview", strength: 2, len: 0 };
  // Any clause may be the question ("需要户口本吗？我户口本在老家").
  const yesNo = q.split(/[，,。？?！!；;\s]+/).some((c) => c && YES_NO.test(c));
  if (!best) return { aspect: "overview", rest, strength: 0, yesNo, period };
  const also = secondPart(found, best.aspect, strength);
  const who = best.aspect === "conditions" ? WHO.exec(q) : null;
  return { aspect: best.aspect, rest, strength: best.strength, yesNo, period, ...(also ? { also } : {}), ...(who ? { who: [who[1]!, who[2]!] as [string, string] } : {}) };
}

/** A first clause telling the situation and a last one that is only "how" (咋办, 手续咋弄) or "办啥手续". */
function situationThenHow(q: string, clauses: { from: number; to: number; asks: boolean }[], found: { cue: Cue; text: string }[]): boolean {
  const last = clauses[clauses.length - 1];
  if (clauses.length < 2 || clauses[0]!.asks || !last?.asks) return false;
  const ask = q.slice(last.from, last.to);
  if (/办(?:啥|什么)手续/.test(ask)) return true;
  let left = ask.replace(HOW_WORDS, "");
  for (const f of found) left = left.split(f.text).join("");
  return [...left.replace(/手续|一下|呢|啊|呀|吗/g, "")].length === 0;
}
const HOW_WORDS = /(怎么|咋|如何|怎样)(才能|去|来)?(办理|申请|申领|办|弄|搞|整|报名)(过来|下来)?/g;

/**
 * Two questions in one message ("要钱吗几天能开出来", "多少钱多久能办好"): another aspect asked as
 * plainly as the first (a question phrase, strength ≥ 2, in a clause of its own), which the
 * answer gives too. Pairs that are one question in two words (where + online) are not two parts.
 */
function secondPart(found: { cue: Cue; text: string; at: number }[], first: Aspect, strength: (f: { cue: Cue; at: number }) => number): Aspect | undefined {
  const firstAt = found.filter((f) => f.cue.aspect === first).map((f) => f.at);
  const other = found
    .filter((f) => f.cue.aspect !== first && strength(f) >= 2 && TWO_PARTS.has(f.cue.aspect) && TWO_PARTS.has(first))
    .filter((f) => firstAt.every((a) => Math.abs(a - f.at) >= 2))
    .sort((a, b) => strength(b) - strength(a))[0];
  return other?.cue.aspect;
}
/** Aspects a citizen asks side by side (cost, time, papers, place); the others stand alone. */
const TWO_PARTS = new Set<Aspect>(["fees", "timeLimit", "materials", "locations"]);
