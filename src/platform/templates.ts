import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";

/**
 * User-facing text lives in `templates/<capability>/<lang>.yaml` (style rule 7), keyed by id
 * (dots walk nested maps) with `{placeholder}`s. Code asks `t(capability, lang, id, vars)`.
 * A missing id or variable throws: those are programming errors that tests must catch, not
 * text a citizen should ever see half-filled. A language without the id falls back to zh.
 */
export type TemplateVars = Record<string, string | number>;

export interface Templates {
  t(capability: string, lang: string, id: string, vars?: TemplateVars): string;
  /** True when the id exists (in the language or its zh fallback). */
  has(capability: string, lang: string, id: string): boolean;
}

export const defaultTemplatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));
const FALLBACK_LANG = "zh";
const SAFE_SEGMENT = /^[a-z0-9_-]+$/i;

export function createTemplates(dir: string = defaultTemplatesDir): Templates {
  const cache = new Map<string, Record<string, unknown> | null>();

  const load = (capability: string, lang: string): Record<string, unknown> | null => {
    // Names become file paths: allow plain segments only, so "../x" can never escape `dir`.
    if (!SAFE_SEGMENT.test(capability) || !SAFE_SEGMENT.test(lang)) throw new Error(`Bad template name ${capability}/${lang}`);
    const key = `${capability}/${lang}`;
    if (!cache.has(key)) {
      const file = path.join(dir, capability, `${lang}.yaml`);
      const data = fs.existsSync(file) ? (parseYaml(fs.readFileSync(file, "utf8")) as unknown) : null;
      cache.set(key, data && typeof data === "object" ? (data as Record<string, unknown>) : null);
    }
    return cache.get(key) ?? null;
  };

  const lookup = (capability: string, lang: string, id: string): string | undefined => {
    for (const l of lang === FALLBACK_LANG ? [lang] : [lang, FALLBACK_LANG]) {
      let node: unknown = load(capability, l);
      for (const part of id.split(".")) {
        node = node && typeof node === "object" && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
      }
      if (typeof node === "string") return node;
    }
    return undefined;
  };

  return {
    t(capability, lang, id, vars = {}) {
      const text = lookup(capability, lang, id);
      if (text === undefined) throw new Error(`No template ${capability}/${lang}:${id}`);
      return text.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
        if (!Object.hasOwn(vars, name)) throw new Error(`Template ${capability}:${id} needs {${name}}`);
        return String(vars[name]);
      });
    },
    has: (capability, lang, id) => lookup(capability, lang, id) !== undefined,
  };
}

const shared = createTemplates();

/** Render a template from the shipped `templates/` directory. */
export const t = (capability: string, lang: string, id: string, vars?: TemplateVars): string => shared.t(capability, lang, id, vars);

/** Whether the shipped templates hold `id` (in `lang` or the zh fallback): for text-driven tables such as menu keys. */
export const hasTemplate = (capability: string, lang: string, id: string): boolean => shared.has(capability, lang, id);
