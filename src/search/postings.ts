/**
 * The candidate index behind SearchIndex: one inverted index per field over typed arrays.
 *
 * It replaces FlexSearch's `Document` and returns, for every query, exactly what
 * FlexSearch 0.8.212 returned for `search(q, { index: fields, suggest: true, limit })` with
 * `tokenize: "strict"` and a custom `encode` (checked against FlexSearch in
 * test/search/index-postings.test.ts), so scoring.ts sees the same candidate lists. Why not
 * FlexSearch itself (measured at 100k items, bench/search.ts):
 * - build: FlexSearch keeps one JS array per (term, slot) and an object per document for
 *   de-duplication; here a posting is one Int32 (`id·32 + slot`) appended to the term's
 *   growable Int32Array, de-duplicated through a `lastDoc` array per term id;
 * - query: suggest mode can't use FlexSearch's limit fast path; it pushes every posting of
 *   every query term into per-count arrays and counts in a plain object (`check[id]`).
 *   Here the count and the ordering key live in typed arrays indexed by id and the top
 *   `limit` is picked with a small heap — no allocation per posting;
 * - remove: FlexSearch without `fastupdate` scans the whole index for every removal (tens of
 *   ms at 100k). Here removal marks the id dead (skipped when results are picked) and the
 *   lists are compacted once dead postings pile up (amortised).
 *
 * FlexSearch's suggest order, derived from `intersect()` (src/intersect.js): query terms are
 * visited slot by slot (y = 0…resolution−1), term by term (x, the term's position among the
 * query's distinct terms), ids in insertion order; an id with c matching terms ends in
 * bucket c at the moment of its c-th hit; buckets are read from the highest count down.
 * So: order by count desc, then by the (y, x) of the id's last hit in that visiting order,
 * then by insertion order (= id order: ids only grow).
 */

/** Slot of the term at position i of n terms: FlexSearch's `get_score` (index/add.js), verbatim. */
function slotOf(resolution: number, n: number, i: number): number {
  return i && resolution > 1 ? (n <= resolution ? i : (((resolution - 1) / n) * i + 1) | 0) : 0;
}

const SLOT_BITS = 5;
const SLOTS = 1 << SLOT_BITS;
/** Largest id that still packs into an Int32 posting with its slot. */
export const MAX_ID = (2 ** 31 - 1) >>> SLOT_BITS;

class FieldPostings {
  private readonly termIds = new Map<string, number>();
  private lists: Int32Array[] = [];
  private lens = new Int32Array(1024);
  /** Last id that added the term (per-document de-duplication, like FlexSearch's `dupes`). */
  private lastDoc = new Int32Array(1024);
  postings = 0;

  constructor(readonly resolution: number) {
    if (resolution > SLOTS) throw new Error(`resolution ${resolution} > ${SLOTS}`);
  }

  get terms(): number {
    return this.lists.length;
  }

  add(id: number, terms: readonly string[]): void {
    const n = terms.length;
    const R = this.resolution;
    for (let i = 0; i < n; i++) {
      const term = terms[i]!;
      if (!term) continue;
      let t = this.termIds.get(term);
      if (t === undefined) t = this.newTerm(term);
      else if (this.lastDoc[t] === id) continue;
      this.lastDoc[t] = id;
      let list = this.lists[t]!;
      const len = this.lens[t]!;
      if (len === list.length) {
        const grown = new Int32Array(len < 64 ? len * 4 : len * 2);
        grown.set(list);
        this.lists[t] = list = grown;
      }
      list[len] = id * SLOTS + slotOf(R, n, i);
      this.lens[t] = len + 1;
      this.postings++;
    }
  }

  private newTerm(term: string): number {
    const t = this.lists.length;
    this.termIds.set(term, t);
    this.lists.push(new Int32Array(2));
    if (t === this.lens.length) {
      const lens = new Int32Array(t * 2);
      lens.set(this.lens);
      this.lens = lens;
      const last = new Int32Array(t * 2);
      last.set(this.lastDoc);
      this.lastDoc = last;
    }
    return t;
  }

  /** Drop postings of dead ids and trim slack. */
  compact(dead: Uint8Array): void {
    let total = 0;
    for (let t = 0; t < this.lists.length; t++) {
      const list = this.lists[t]!;
      const len = this.lens[t]!;
      let w = 0;
      for (let r = 0; r < len; r++) {
        const p = list[r]!;
        if (!dead[p >>> SLOT_BITS]) list[w++] = p;
      }
      this.lists[t] = w === list.length ? list : list.slice(0, Math.max(w, 2));
      this.lens[t] = w;
      total += w;
    }
    this.postings = total;
  }

  /** Trim growth slack (after a bulk build). */
  trim(): void {
    for (let t = 0; t < this.lists.length; t++) {
      const len = this.lens[t]!;
      const list = this.lists[t]!;
      if (list.length > len + 8) this.lists[t] = list.slice(0, len);
    }
  }

  /**
   * Count hits of the distinct query terms into `s.acc` and return the number of ids touched.
   * acc[id] = count·2¹⁶ + (2¹⁶−1 − key), key = slot·X + x of the id's last hit in FlexSearch's
   * visiting order (see the file comment) — so the result order is simply acc desc, id asc.
   */
  count(terms: readonly string[], s: Scratch): [touched: number, maxCount: number] {
    const seen = new Set<string>();
    const lists: number[] = [];
    for (const term of terms) {
      if (!term || seen.has(term)) continue;
      seen.add(term);
      const t = this.termIds.get(term);
      if (t !== undefined && this.lens[t]! > 0) lists.push(t);
    }
    // keys must fit 16 bits: 32 slots × 2047 terms (a question never has that many)
    const X = Math.min(lists.length, MAX_TERMS);
    const { acc, touched } = s;
    const dead = s.dead;
    // hist[c] = ids with c hits so far, kept up to date here so top() needs one pass
    const hist = (s.hist = new Int32Array(X + 2));
    let nTouched = 0;
    for (let x = 0; x < X; x++) {
      const t = lists[x]!;
      const list = this.lists[t]!;
      const len = this.lens[t]!;
      for (let r = 0; r < len; r++) {
        const p = list[r]!;
        const id = p >>> SLOT_BITS;
        const inv = 0xffff - ((p & (SLOTS - 1)) * X + x);
        const v = acc[id]!;
        if (v === 0) {
          if (dead[id]) continue; // removed: never counted (checked on first touch only)
          touched[nTouched++] = id;
          acc[id] = 0x10000 + inv;
          hist[1]!++;
        } else {
          const old = v & 0xffff;
          const c = v >>> 16;
          acc[id] = v - old + 0x10000 + (inv < old ? inv : old);
          hist[c]!--;
          hist[c + 1]!++;
        }
      }
    }
    return [nTouched, X];
  }
}

const MAX_TERMS = 2047;

/** Move the k largest of a[0, n) to a[0, k) (any order; quickselect). */
function largest(a: Float64Array, n: number, k: number): void {
  let l = 0;
  let r = n - 1;
  while (l < r) {
    const pivot = a[(l + r) >>> 1]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k - 1 <= j) r = j;
    else if (k - 1 >= i) l = i;
    else return;
  }
}

const ID_SPAN = 2 ** 26;

/** Per-query scratch arrays indexed by id (reset after every query). */
interface Scratch {
  /** count·2¹⁶ + inverted key, per id (FieldPostings.count). */
  acc: Int32Array;
  touched: Int32Array;
  /** Sort keys of the touched ids (top()). */
  sc: Float64Array;
  /** Ids per hit count, from the last count(). */
  hist: Int32Array;
  /** The document's removed ids (shared, not reset). */
  dead: Uint8Array;
}

export interface FieldSpec {
  field: string;
  /** FlexSearch `resolution` (position buckets; default 9). */
  resolution?: number;
}

/** Documents with several fields, each its own posting index; ids are positive and increasing. */
export class PostingDocument {
  private readonly fields = new Map<string, FieldPostings>();
  private dead = new Uint8Array(1024);
  private maxId = 0;
  private live = 0;
  private deadCount = 0;
  private scratch: Scratch = PostingDocument.scratchOf(1024, this.dead);

  constructor(specs: FieldSpec[]) {
    for (const s of specs) this.fields.set(s.field, new FieldPostings(s.resolution ?? 9));
  }

  get size(): number {
    return this.live;
  }

  /** Index one document: the already-encoded terms of each field (FlexSearch's `encode` output). */
  add(id: number, terms: Record<string, readonly string[]>): void {
    if (!Number.isInteger(id) || id <= this.maxId || id > MAX_ID) throw new Error(`ids must increase (got ${id} after ${this.maxId})`);
    this.maxId = id;
    if (id >= this.dead.length) this.grow(id);
    for (const [field, ts] of Object.entries(terms)) if (ts.length) this.fields.get(field)?.add(id, ts);
    this.live++;
  }

  remove(id: number): void {
    if (id > this.maxId || this.dead[id]) return;
    this.dead[id] = 1;
    this.live--;
    this.deadCount++;
    // Amortised: compact when dead postings could be an eighth of the index.
    if (this.deadCount > 4096 && this.deadCount * 8 > this.live) this.compact();
  }

  compact(): void {
    for (const f of this.fields.values()) f.compact(this.dead);
    this.deadCount = 0;
  }

  /** Trim growth slack after a bulk load. */
  trim(): void {
    for (const f of this.fields.values()) f.trim();
  }

  stats(): { postings: number; terms: number; bytes: number } {
    let postings = 0;
    let terms = 0;
    for (const f of this.fields.values()) {
      postings += f.postings;
      terms += f.terms;
    }
    return { postings, terms, bytes: postings * 4 };
  }

  /**
   * FlexSearch `Document.search(_, { index: fields, suggest: true, limit })`: per field, the
   * first `limit` ids in suggest order; fields without a hit are left out.
   */
  search(queries: { field: string; terms: readonly string[] }[], limit: number): { field: string; result: number[] }[] {
    const out: { field: string; result: number[] }[] = [];
    for (const { field, terms } of queries) {
      const f = this.fields.get(field);
      if (!f || terms.length === 0) continue;
      const [n, maxCount] = f.count(terms, this.scratch);
      const result = this.top(n, limit, maxCount);
      if (result.length) out.push({ field, result });
    }
    return out;
  }

  /**
   * Pick the best `limit` touched ids (acc desc, id asc) and reset the scratch: the hit-count
   * histogram kept by count() gives the count threshold; one pass resets the counters and
   * turns each id at or above it into one exact float (acc·2²⁶ + (2²⁶−1−id), < 2⁵³) in a
   * dense array; a quickselect finds the best `limit`, and only those are sorted.
   */
  private top(n: number, limit: number, maxCount: number): number[] {
    const { acc, touched, sc, hist } = this.scratch;
    // count threshold: the ids above T number fewer than `limit`; ids below T can't make it
    let T = maxCount;
    for (let sum = 0; T > 1; T--) {
      sum += hist[T]!;
      if (sum >= limit) break;
    }
    let m = 0;
    for (let i = 0; i < n; i++) {
      const id = touched[i]!;
      const v = acc[id]!;
      acc[id] = 0;
      if (v >>> 16 >= T) sc[m++] = v * ID_SPAN + (ID_SPAN - 1 - id);
    }
    if (m === 0 || limit <= 0) return [];
    if (m > limit) largest(sc, m, limit);
    const k = Math.min(m, limit);
    const best = sc.subarray(0, k).sort().reverse();
    const out = new Array<number>(k);
    for (let i = 0; i < k; i++) out[i] = ID_SPAN - 1 - (best[i]! % ID_SPAN);
    return out;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.dead.length * 2);
    const dead = new Uint8Array(size);
    dead.set(this.dead);
    this.dead = dead;
    this.scratch = PostingDocument.scratchOf(size, dead);
  }

  private static scratchOf(size: number, dead: Uint8Array): Scratch {
    return { acc: new Int32Array(size), touched: new Int32Array(size), sc: new Float64Array(size), hist: new Int32Array(1), dead };
  }
}
