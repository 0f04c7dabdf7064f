import fs from "node:fs";

/** One Dockerfile instruction: keyword, its arguments (continuations joined), its stage. */
export interface Instruction {
  line: number;
  keyword: string;
  args: string;
  stage: string;
}

/** Reads a Dockerfile as BuildKit does for what the lint checks need: comments, `\` continuations, ARG defaults before FROM. */
export function parseDockerfile(file: string): { instructions: Instruction[]; args: Record<string, string>; stages: string[] } {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const instructions: Instruction[] = [];
  const args: Record<string, string> = {};
  const stages: string[] = [];
  let stage = "";
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i]!;
    if (/^\s*(#|$)/.test(text)) continue;
    while (text.endsWith("\\") && i + 1 < lines.length) text = text.slice(0, -1) + " " + lines[++i]!.trim();
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(text);
    if (!m) throw new Error(`line ${start + 1}: not an instruction: ${text}`);
    const keyword = m[1]!.toUpperCase();
    const rest = m[2]!.trim();
    if (keyword === "FROM") {
      stage = /\sAS\s+(\S+)$/i.exec(rest)?.[1] ?? String(stages.length);
      stages.push(stage);
    }
    if (keyword === "ARG" && !stage) {
      const [k, v] = rest.split("=");
      if (v !== undefined) args[k!] = v;
    }
    instructions.push({ line: start + 1, keyword, args: rest, stage });
  }
  return { instructions, args, stages };
}
