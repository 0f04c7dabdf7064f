import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from "yaml";

/**
 * Maps a zod issue path (["materials", 2, "form"]) to the line in the source file, through
 * the YAML document's CST ranges. JSON is YAML too, so .json files get lines the same way.
 * When the path does not exist (a missing required key), the nearest existing parent is used.
 * For unknown keys, `key` points at the offending key itself.
 */
export function lineOf(doc: Document, counter: LineCounter, path: PropertyKey[], key?: string): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(doc, path.slice(0, n));
    if (!node) continue;
    if (key && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return counter.linePos(keyNode.range[0]).line;
    }
    if (node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function nodeAt(doc: Document, path: PropertyKey[]): Node | undefined {
  if (path.length === 0) return (doc.contents as Node | null) ?? undefined;
  const node = doc.getIn(path as (string | number)[], true) as unknown;
  return node && typeof node === "object" && "range" in node ? (node as Node) : undefined;
}
