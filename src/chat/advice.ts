import { loadPlainWords, normalize } from "../search";

const ADVICE = loadPlainWords().advice;

/** "哪家驾校便宜", "吃啥药好": the question asks for an opinion or a favour, which no guide answers (plain-words.yaml, advice). */
export const asksAdvice = (text: string): boolean => {
  const folded = normalize(text);
  return ADVICE.some((p) => p.test(folded));
};
