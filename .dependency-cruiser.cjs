/**
 * The allowed arrows between src/ folders (README, "Architecture"). Capabilities are the
 * folders under src/ other than platform/, http/, types/ and generated/; run by `npm run
 * depcheck` in CI.
 */
const INFRA = "(platform|http|types|generated)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "An import cycle ties folders (or files) into one knot: untie it with a port owned by the side that needs it.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "capability-through-index",
      comment: "Another capability is used only through its index.ts, its public surface.",
      severity: "error",
      from: { path: `^src/(?!${INFRA}/)([^/]+)/` },
      to: { path: `^src/(?!${INFRA}/)([^/]+)/.+`, pathNot: ["^src/$1/", "^src/[^/]+/index\\.ts$"] },
    },
    {
      name: "infrastructure-knows-no-capability",
      comment: "platform/ and http/ serve every capability and import none of them.",
      severity: "error",
      from: { path: "^src/(platform|http)/" },
      to: { path: `^src/(?!${INFRA}/)[^/]+/` },
    },
    {
      name: "platform-below-http",
      comment: "platform/ is the bottom layer: it does not import the HTTP layer.",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/http/" },
    },
    {
      name: "no-test-code-in-src",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|bench)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".mjs"] },
  },
};
