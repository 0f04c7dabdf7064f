import { SaxesParser } from "saxes";
import { WechatRejection } from "./rejection";

/**
 * WeChat's XML is flat: `<xml><Field>value</Field>…</xml>`. Parsed with saxes, a strict
 * (well-formedness checking) streaming parser, in one pass (fast-xml-parser needs two):
 * - every value stays a string ("007" stays "007", a 64-bit MsgId keeps its digits), trimmed;
 * - the five XML entities and character references are decoded, nothing else: DTDs are
 *   refused before parsing, and saxes never expands an entity it was not built with
 *   (an undefined `&e;` is a well-formedness error);
 * - only the root's direct children holding text become fields, in an object that inherits
 *   nothing (a `__proto__` element is just a key); nested or repeated elements are dropped;
 * - anything not well-formed (unclosed tags, two roots, text after the root) is rejected.
 */
export type XmlFields = Record<string, string>;

/**
 * The fields' object: its prototype is an empty object with no prototype of its own, so a
 * field named `__proto__`, `constructor` or `toString` is just a key and an absent one reads
 * undefined — as with Object.create(null), but keeping the faster property access of a constructed object.
 */
function Fields(this: XmlFields) {}
Fields.prototype = Object.freeze(Object.create(null) as object);
const newFields = () => new (Fields as unknown as new () => XmlFields)();

/** Parsing is synchronous, so one parser and one state serve every message. */
let fields: XmlFields;
let depth = 0;
let field: string | undefined;
let text = "";
let nested = false;
/** Names of the root's children seen so far in this document (cleared per parse). */
const seen = new Set<string>();

function newParser(): SaxesParser {
  const p = new SaxesParser({ position: false });
  p.on("opentag", (tag) => {
    depth++;
    // saxes itself refuses a document with no root or a second one.
    if (depth === 1) {
      if (tag.name !== "xml") throw new WechatRejection(400, "malformed XML: expected one <xml> root");
    } else if (depth === 2) {
      field = tag.name;
      text = "";
      nested = false;
    } else nested = true;
  });
  const addText = (t: string) => {
    if (depth === 2) text += t;
  };
  p.on("text", addText);
  p.on("cdata", addText);
  p.on("closetag", () => {
    if (depth === 2 && field !== undefined) {
      if (seen.has(field)) delete fields[field];
      else {
        seen.add(field);
        if (!nested) fields[field] = text.trim();
      }
      field = undefined;
    }
    depth--;
  });
  return p;
}

let parser = newParser();

export function parseWechatXml(xml: string): XmlFields {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new WechatRejection(400, "DTD not allowed");
  fields = newFields();
  seen.clear();
  depth = 0;
  field = undefined;
  try {
    parser.write(xml).close();
  } catch (e) {
    parser = newParser(); // saxes cannot resume after an error
    throw e instanceof WechatRejection ? e : new WechatRejection(400, "malformed XML");
  }
  return fields;
}

/** Characters XML 1.0 forbids even inside CDATA (control chars, lone surrogates, U+FFFE/F). */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const stripInvalidXmlChars = (s: string): string => s.replace(INVALID_XML_CHARS, "");

/** Text (put in CDATA) or a number (CreateTime, TimeStamp). */
export type XmlValue = number | { cdata: string };

/** A CDATA section holding any text: each `]]>` is split across two sections, so it cannot close ours. */
const cdata = (s: string) => `<![CDATA[${stripInvalidXmlChars(s).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const ELEMENT_NAME = /^[A-Za-z_][\w.-]*$/;

/**
 * The elements of `<xml>…</xml>` from our own field names (checked, never user text), WeChat's
 * fixed reply template as co-wechat's ejs one. Text goes in CDATA with `]]>` split, so user text
 * cannot close the section and inject elements; numbers need no escaping.
 */
export function xmlElements(values: Record<string, XmlValue>): string {
  let out = "";
  for (const name in values) {
    if (!ELEMENT_NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
    const v = values[name]!;
    out += `<${name}>${typeof v === "number" ? String(v) : cdata(v.cdata)}</${name}>`;
  }
  return out;
}
