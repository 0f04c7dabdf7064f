/**
 * Questions for warming up the query path, made from the index's own titles ("<name>要带什么",
 * "<part of a name>多少钱", …): no question data is used.
 */
export function warmUpQuestions(names: readonly string[], queries: number): string[] {
  if (!names.length) return [];
  // A small catalog needs no more than a few questions a name.
  queries = Math.min(queries, 5 * names.length);
  const asks = ["", "要带什么", "多少钱", "在哪办", "多久能办好", "怎么办理", "需要什么条件", "能网上办吗", "找哪个部门"];
  const out: string[] = [];
  // Spread over the catalog: a stride coprime with most sizes visits every title before repeating.
  for (let i = 0; i < queries; i++) {
    const name = names[(i * 7919) % names.length]!;
    const chars = [...name];
    // whole names, and their first or last few characters as citizens shorten them
    const part = i % 3 === 0 ? name : i % 3 === 1 ? chars.slice(0, 4).join("") : chars.slice(-4).join("");
    out.push(`${part}${asks[i % asks.length]}`);
  }
  return out;
}
