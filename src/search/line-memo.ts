import { words } from "./tokenizer";

/**
 * Memoised tokeniser for a bulk load: counts its keys first, calls `fn` once per distinct key
 * and keeps a result only while later uses of that key remain (so memory stays bounded by
 * the repeated keys still ahead, and unique keys are never stored).
 */
export class Memo {
  private readonly left = new Map<string, number>();
  private readonly done = new Map<string, string[]>();

  constructor(keys: Iterable<string>, private readonly fn: (s: string) => string[]) {
    for (const k of keys) this.left.set(k, (this.left.get(k) ?? 0) + 1);
  }

  /** True when `key` is used once more at most and has no stored result: tokenise it in bulk. */
  single(key: string): boolean {
    return (this.left.get(key) ?? 0) <= 1 && !this.done.has(key);
  }

  /** Use up one occurrence of a `single` key without tokenising it here. */
  skip(key: string): void {
    this.left.delete(key);
  }

  readonly get = (key: string): string[] => {
    const n = this.left.get(key) ?? 0;
    if (n <= 1) {
      this.left.delete(key);
      const hit = this.done.get(key);
      if (hit) this.done.delete(key);
      return hit ?? this.fn(key);
    }
    this.left.set(key, n - 1);
    let r = this.done.get(key);
    if (!r) this.done.set(key, (r = this.fn(key)));
    return r;
  };
}

/**
 * `words(text)` from memoised lines. Exact: jieba never joins words across a line break (it
 * segments runs of Han/alphanumerics separately) and NFKC/lower-casing are per character
 * here, so a text's words are its lines' words in order. Consecutive lines seen only once are
 * segmented together in one call.
 */
export function textWords(text: string, lines: Memo): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) for (const w of words(run.join("\n"))) out.push(w);
    run = [];
  };
  for (const line of text.split("\n")) {
    if (lines.single(line)) {
      lines.skip(line);
      run.push(line);
    } else {
      flush();
      for (const w of lines.get(line)) out.push(w);
    }
  }
  flush();
  return out;
}
