import type { SearchItem } from "./ports";
import type { Entry } from "./scoring";
import { addDomainWords, hybrid, normalize, tibetan, words } from "./tokenizer";
import { FlexField } from "./flex-field";
import { Memo, textWords } from "./line-memo";
import { count, domainWordsOf, linesOf, NO_LINES, NONE, TITLE_FIELDS, titleKey, unionOf, type Member, type TitleField, type TitleGroup } from "./titles";

export const FIELDS = ["name", "alias", "text", "bo"] as const;
export type Field = (typeof FIELDS)[number];

/** Resolution (position buckets) per field: FlexSearch's default 9 for names, 20 for guide text. */
const RESOLUTION = { name: 9, alias: 9, text: 20, bo: 9 } as const;

/**
 * The indexed items, grouped into titles (titles.ts), with one FlexSearch field per kind of
 * text and the document frequencies scoring needs. SearchIndex asks it; this keeps it current.
 *
 * A province lists the same item for every county (same name, aliases and guide text, another
 * department and window): every field indexes each distinct title once (FlexSearch id = title
 * id) and a hit on it stands for all its members — the name, alias and Tibetan fields their
 * shared content, the text field the union of the members' guide-text lines. An upsert/remove
 * moves the item between titles, re-indexing a title's guide text only when that union
 * changes; a title leaves FlexSearch with its last member.
 */
export class TitleIndex {
  fields: Record<Field, FlexField>;
  readonly byCode = new Map<string, number>();
  readonly entries = new Map<number, Member>();
  readonly titles = new Map<string, TitleGroup>();
  readonly titleById = new Map<number, TitleGroup>();
  /** Document frequency (items) of name/alias tokens, for IDF weights. */
  readonly df = new Map<string, number>();
  /**
   * Items per token in each title field (FlexSearch counts titles there): term selection and
   * the candidate cap work in items, as when every item was its own FlexSearch document.
   */
  readonly fieldDf: Record<TitleField, Map<string, number>> = { name: new Map(), alias: new Map(), bo: new Map() };
  private nextId = 1;
  private nextTitle = 1;

  /** `onNewTitle`: an item opened a new title (the spelling corrector learns its words). */
  constructor(private readonly onNewTitle: (e: Entry) => void) {
    this.fields = this.newFields();
  }

  private newFields(): Record<(typeof FIELDS)[number], FlexField> {
    return {
      name: new FlexField(RESOLUTION.name, hybrid),
      alias: new FlexField(RESOLUTION.alias, hybrid),
      text: new FlexField(RESOLUTION.text, words),
      bo: new FlexField(RESOLUTION.bo, tibetan),
    };
  }

  /** Drop everything and index `items` (boot, or a full reload from the catalog). */
  rebuild(items: SearchItem[]): void {
    this.fields = this.newFields();
    this.nextId = 1;
    this.nextTitle = 1;
    this.byCode.clear();
    this.entries.clear();
    this.titles.clear();
    this.titleById.clear();
    this.df.clear();
    for (const m of Object.values(this.fieldDf)) m.clear();
    // Teach the segmenter all domain words first, in one loadDict call (each call is costly),
    // once per distinct name and alias list.
    const distinct = new Map<string, SearchItem>();
    for (const it of items) distinct.set(`${it.name}\u0000${it.aliases.join("\u0001")}`, it);
    addDomainWords([...distinct.values()].flatMap((it) => domainWordsOf(it.name, it.aliases.map(normalize))));
    // A code listed twice: the later line wins, as with upsert.
    const latest = new Map<string, SearchItem>();
    for (const it of items) {
      latest.delete(it.code);
      latest.set(it.code, it);
    }
    for (const it of latest.values()) this.insert(it, false, true);
    // Then each title's guide text once, segmenting each distinct line once (the memo holds
    // lines repeated across titles until their last use).
    const lines = new Memo([...this.titles.values()].flatMap((t) => unionOf(t).map((l) => l.text)), words);
    for (const t of this.titles.values()) this.indexText(t, lines);
  }

  /** Size of the candidate index (for the benchmark). */
  stats(): { items: number; titles: number; postings: number; terms: number } {
    let postings = 0;
    let terms = 0;
    for (const f of Object.values(this.fields)) {
      const s = f.stats();
      postings += s.postings;
      terms += s.terms;
    }
    return { items: this.entries.size, titles: this.titles.size, postings, terms };
  }

  /** Add or replace one item (a guide was published or an item changed). */
  upsert(item: SearchItem): void {
    // the guide text of the title it leaves and of the one it joins, each indexed once
    const left = this.drop(item.code);
    const joined = this.insert(item, true, true);
    if (left && left !== joined && left.members.length) this.indexText(left);
    this.indexText(joined);
  }

  /** Take an item out; false when it was not indexed. */
  remove(code: string): boolean {
    const title = this.drop(code);
    if (title?.members.length) this.indexText(title);
    return title !== undefined;
  }

  /**
   * Take an item out of its title (the title out of FlexSearch when it was the last member);
   * the title's guide text is left for the caller to re-index. Undefined: no such item.
   */
  private drop(code: string): TitleGroup | undefined {
    const id = this.byCode.get(code);
    if (id === undefined) return undefined;
    const e = this.entries.get(id)!;
    const title = e.title;
    count(this.df, title.terms, -1);
    for (const f of TITLE_FIELDS) count(this.fieldDf[f], title.fieldTerms[f], -1);
    const members = title.members;
    members.splice(members.indexOf(e), 1);
    if (!members.length) {
      // its last member left: the title leaves FlexSearch
      this.fields.name.remove(title.id);
      this.fields.alias.remove(title.id);
      this.fields.bo.remove(title.id);
      this.fields.text.remove(title.id);
      this.titles.delete(title.key);
      this.titleById.delete(title.id);
    } else for (const line of e.lines) if (--line.n === 0) title.lines?.delete(line.text);
    this.entries.delete(id);
    this.byCode.delete(code);
    return title;
  }

  /** The indexed facts of one item (name, department, region), or undefined. */
  get(code: string): { code: string; name: string; department: string; region?: string; type?: string; hasGuide: boolean } | undefined {
    const id = this.byCode.get(code);
    const e = id === undefined ? undefined : this.entries.get(id);
    return e && { code: e.code, name: e.name, department: e.department, region: e.region, type: e.type, hasGuide: e.hasGuide };
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Index one item; `deferText`: leave the title's guide text to the caller. */
  private insert(it: SearchItem, learnWords: boolean, deferText: boolean): TitleGroup {
    const id = this.nextId++;
    const boN = it.bo ? [it.bo.name ?? "", ...(it.bo.aliases ?? [])].join("|").normalize("NFC") : "";
    const key = titleKey(it, boN);
    const title = this.titles.get(key) ?? this.newTitle(it, key, boN, learnWords);
    const first = title.members[0];
    const e: Member = {
      id,
      code: it.code,
      name: it.name,
      nameN: first?.nameN ?? normalize(it.name),
      aliasN: first?.aliasN ?? it.aliases.map(normalize).join("|"),
      boN,
      department: it.department,
      region: it.region,
      type: it.type,
      hasGuide: it.hasGuide,
      title,
      lines: [],
    };
    if (!first) this.onNewTitle(e);
    this.byCode.set(it.code, id);
    this.entries.set(id, e);
    count(this.df, title.terms, 1);
    for (const f of TITLE_FIELDS) count(this.fieldDf[f], title.fieldTerms[f], 1);
    if (!first) e.lines = linesOf(it).map((text) => ({ text, n: 1 }));
    else {
      if (!title.lines) {
        title.lines = new Map();
        for (const m of title.members) for (const line of m.lines) title.lines.set(line.text, line);
      }
      const lines = title.lines;
      e.lines = linesOf(it).map((text) => {
        let line = lines.get(text);
        if (!line) lines.set(text, (line = { text, n: 0 }));
        line.n++;
        return line;
      });
    }
    if (first) title.members.push(e);
    else title.members = [e];
    if (!deferText) this.indexText(title);
    return title;
  }

  /**
   * (Re-)index a title's guide text when its document changed (a member brought a new line,
   * took away its last copy of one, or changed which member shows a line first).
   */
  private indexText(title: TitleGroup, memo?: Memo): void {
    const order = unionOf(title);
    if (order.length === title.text.length && order.every((l, i) => l === title.text[i]) && memo === undefined) return;
    title.text = order;
    const text = order.map((l) => l.text).join("\n");
    this.fields.text.remove(title.id);
    this.fields.text.add(title.id, text, memo ? textWords(text, memo) : words(text));
  }

  /** A title not indexed yet: segment its name, aliases and Tibetan name and index them once. */
  private newTitle(it: SearchItem, key: string, boN: string, learnWords: boolean): TitleGroup {
    if (learnWords) addDomainWords(domainWordsOf(it.name, it.aliases.map(normalize)));
    const name = hybrid(it.name);
    const aliasText = it.aliases.join(" ");
    const alias = hybrid(aliasText);
    const bo = tibetan(boN);
    const title: TitleGroup = {
      id: this.nextTitle++,
      key,
      members: [],
      text: NO_LINES,
      // (shared arrays where one field holds them all: most titles have no alias or Tibetan name)
      terms: alias.length || bo.length ? [...new Set([...name, ...alias, ...bo])] : [...new Set(name)],
      fieldTerms: { name: NONE, alias: alias.length ? [...new Set(alias)] : NONE, bo: bo.length ? [...new Set(bo)] : NONE },
    };
    title.fieldTerms.name = alias.length || bo.length ? [...new Set(name)] : title.terms;
    this.titles.set(key, title);
    this.titleById.set(title.id, title);
    this.fields.name.add(title.id, it.name, name);
    this.fields.alias.add(title.id, aliasText, alias);
    this.fields.bo.add(title.id, boN, bo);
    return title;
  }
}
