/**
 * Two-character segments that are a word glued to a measure word or the generic 办/弄/搞 by the
 * segmenter (买台 in 买了台锅炉, 妈办 in 我妈办, 上办 in 手机上办, 开了个, 打口 in 打口井): how, who or how many, never a
 * word of a service's name — neither a typo to correct (买台 ↛ 买房, 上办 ↛ 补办) nor a word
 * the catalog lacks.
 */
const COUNT_OR_DO = /^\p{Script=Han}[了过]?[台条辆只张件套间头匹块位把部架艘栋座顶双口家片棵处办弄搞整]$/u;
/** With a particle (改个, 丢着): not a word the catalog lacks either, though 摆个 may still be a typo of 摆摊. */
const PARTICLE = /^\p{Script=Han}[了过]?[个着的]$/u;

export const isCountOrDoWord = (w: string): boolean => COUNT_OR_DO.test(w);
export const isGlueWord = (w: string): boolean => COUNT_OR_DO.test(w) || PARTICLE.test(w);
