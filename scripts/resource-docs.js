// Writes the argument and output tables of docs/resources.md from the resource specs, so the spec (its
// TSDoc comments and change kinds) stays the one place each property is described.
//   node scripts/resource-docs.js          rewrites the generated blocks (needs `npm run build` first)
//   node scripts/resource-docs.js --check  exits 1 when a block is out of date (the unit tests run this)
// A block sits between `<!-- spec:<Kind> -->` and `<!-- /spec:<Kind> -->`.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const root = path.resolve(__dirname, "..");
const docsFile = path.join(root, "docs", "resources.md");

/** The spec variables: `export const <name> = defineSpec(...)` in src/resources/**\/*-spec.ts. */
function specFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith("-spec.ts")) out.push(p);
    }
  };
  walk(path.join(root, "src", "resources"));
  return out.sort();
}

const CHANGE = { update: "in place", replace: "**replace**", local: "in place (provider only, no server call)", "create-only": "read at create only" };

function cell(text) {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|").trim();
}

/** The generated block of every resource kind, from the TSDoc (compiler API) and the built specs (change kinds). */
function blocks() {
  const files = specFiles();
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, skipLibCheck: true, esModuleInterop: true });
  const checker = program.getTypeChecker();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RESOURCES } = require(path.join(root, "dist", "resources", "registry.js"));
  const bySpec = new Map(Object.values(RESOURCES).map((def) => [def.spec, def.kind]));
  const result = {};
  for (const file of files) {
    const sf = program.getSourceFile(file);
    const rel = path.relative(path.join(root, "src"), file).replace(/\.ts$/, ".js");
    const built = require(path.join(root, "dist", rel));
    ts.forEachChild(sf, (node) => {
      if (!ts.isVariableStatement(node)) return;
      for (const decl of node.declarationList.declarations) {
        const name = decl.name.getText(sf);
        const spec = built[name];
        const kind = spec && bySpec.get(spec);
        if (!kind) continue;
        const rows = { input: [], output: [] };
        for (const sym of checker.getTypeAtLocation(decl.name).getProperties()) {
          const prop = spec[sym.name];
          const doc = ts.displayPartsToString(sym.getDocumentationComment(checker));
          const example = sym.getJsDocTags(checker).find((t) => t.name === "example");
          const ex = example ? ` Example: \`${cell(ts.displayPartsToString(example.text))}\`` : "";
          // A hidden input is filled by the class, never written by the program: listed among the outputs.
          if (prop.role === "input" && !prop.hidden) {
            const required = prop.type.safeParse(undefined).success ? "" : " (required)";
            const change = CHANGE[prop.change] + (prop.secret ? ", secret" : "");
            rows.input.push(`| \`${sym.name}\`${required} | ${change} | ${cell(doc)}${ex} |`);
          } else {
            rows.output.push(`| \`${sym.name}\`${prop.secret ? " (secret)" : ""} | ${cell(doc)} |`);
          }
        }
        result[kind] = [
          "| argument | change | what it is |",
          "| --- | --- | --- |",
          ...rows.input,
          "",
          "Outputs: every argument as stored (as the program wrote it, or the server's value where it drifted), and:",
          "",
          "| output | what it is |",
          "| --- | --- |",
          ...rows.output,
          "| `stateVersion` | the shape version of the stored state (2 since the declarative kernel; absent in 0.1.0 states) |",
        ].join("\n");
      }
    });
  }
  return result;
}

/** docs/resources.md with every generated block replaced. */
function render(text, generated) {
  let out = text;
  for (const [kind, body] of Object.entries(generated)) {
    const re = new RegExp(`(<!-- spec:${kind} -->)[\\s\\S]*?(<!-- /spec:${kind} -->)`);
    if (!re.test(out)) throw new Error(`docs/resources.md has no block <!-- spec:${kind} --> … <!-- /spec:${kind} -->`);
    out = out.replace(re, (_m, a, b) => `${a}\n${body}\n${b}`);
  }
  return out;
}

const text = fs.readFileSync(docsFile, "utf8");
const next = render(text, blocks());
if (process.argv.includes("--check")) {
  if (next !== text) {
    console.error("docs/resources.md is out of date with the resource specs: run `node scripts/resource-docs.js`");
    process.exit(1);
  }
} else if (next !== text) {
  fs.writeFileSync(docsFile, next);
  console.error("docs/resources.md updated");
}
