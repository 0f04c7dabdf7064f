import { describe, expect, it } from "vitest";
import { parseWechatXml, xmlElements, type XmlValue } from "../../src/wechat/xml";

const document = (values: Record<string, XmlValue>) => `<xml>${xmlElements(values)}</xml>`;
import { WechatRejection } from "../../src/wechat/rejection";

const rejected = (xml: string) => {
  try {
    parseWechatXml(xml);
  } catch (e) {
    return e instanceof WechatRejection && e.status === 400;
  }
  return false;
};

describe("WeChat XML parsing", () => {
  it("reads the root's text fields, CDATA or not, trimmed, as strings", () => {
    const f = parseWechatXml("<?xml version=\"1.0\"?>\n<xml>\n  <A><![CDATA[ 甲 ]]></A>\n  <B>007</B><C/><D>x<![CDATA[<y>]]>z</D></xml>");
    expect({ ...f }).toEqual({ A: "甲", B: "007", C: "", D: "x<y>z" });
  });
  it("decodes the XML entities and character references, and nothing else", () => {
    expect(parseWechatXml("<xml><A>a &amp; b &lt;c&gt; &#x4E2D;&#25991;</A></xml>").A).toBe("a & b <c> 中文");
    expect(rejected("<xml><A>&nbsp;</A></xml>")).toBe(true);
    expect(rejected('<!DOCTYPE x [<!ENTITY e "boom">]><xml><A>&e;</A></xml>')).toBe(true);
  });
  it("drops nested and repeated elements, keeps a __proto__ element as a plain key", () => {
    const f = parseWechatXml("<xml><A><B>1</B></A><A>a</A><C>1</C><C>2</C><C>3</C><__proto__>p</__proto__><E>e</E></xml>");
    expect(Object.keys(f).sort()).toEqual(["E", "__proto__"]);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(f, "__proto__")?.value).toBe("p");
    // It inherits nothing: names of Object.prototype's members read as absent, or as the element.
    for (const name of ["constructor", "toString", "hasOwnProperty", "valueOf"]) expect(f[name]).toBeUndefined();
    expect(parseWechatXml("<xml><constructor>c</constructor><toString>t</toString></xml>")).toMatchObject({ constructor: "c", toString: "t" });
    expect(Object.keys(Object.getPrototypeOf(f) as object)).toEqual([]);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(f))).toBeNull();
  });
  it("rejects what is not one well-formed <xml> document", () => {
    for (const bad of ["", "<xml>", "<xml><A>x</xml>", "<xml></xml><xml></xml>", "<xml></xml>tail", "<other><A>1</A></other>", "<xml><A>1</B></xml>", "<xml><A a=1>x</A></xml>", "not xml"]) {
      expect(rejected(bad), bad).toBe(true);
    }
  });
  it("parses the next message correctly after a malformed one", () => {
    expect(rejected("<xml><A>unclosed")).toBe(true);
    expect({ ...parseWechatXml("<xml><A>1</A></xml>") }).toEqual({ A: "1" });
    expect(rejected("<xml><X><Y>1</X></xml>")).toBe(true);
    expect({ ...parseWechatXml("<xml><B>2</B></xml>") }).toEqual({ B: "2" });
  });
});

describe("WeChat XML building", () => {
  it("round-trips any user text, ]]> and markup included, without new elements", () => {
    const evil = "x]]></Content><Injected>1</Injected><Content><![CDATA[y ]]> & <z>";
    const xml = document({ ToUserName: { cdata: "o1" }, CreateTime: 1700000000, Content: { cdata: evil } });
    const f = parseWechatXml(xml);
    expect(f.Content).toBe(evil);
    expect(Object.keys(f).sort()).toEqual(["Content", "CreateTime", "ToUserName"]);
    expect(f.CreateTime).toBe("1700000000");
  });
  it("writes numbers as they are and refuses element names that are not names", () => {
    expect(parseWechatXml(document({ A: 1700000000, B: { cdata: "<b>&" } }))).toMatchObject({ A: "1700000000", B: "<b>&" });
    expect(() => document({ "A><B": 1 })).toThrow(/element name/);
  });
});
