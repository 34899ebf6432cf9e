/**
 * Keeping the provider lean: loading the provider (`dist/index.js`) and the client (`dist/client/index.js`)
 * must not load the Parquet reader (`hyparquet`, an optional dependency of the emulator). A child Node
 * process blocks `hyparquet` for both `require` and `import`, loads the built entry points, and reports what
 * was asked for; the same probe on the emulator's Parquet reader shows that the block is seen.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

// The resolve hook refuses hyparquet for ES-module loads; the Module._load wrapper records CommonJS loads.
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent('export async function resolve(s, c, next) { if (/hyparquet/.test(s)) throw new Error("hyparquet blocked"); return next(s, c); }'));
`)}`;

function probe(body: string): { asked: string[]; cached: string[]; extra: unknown } {
  const script = `
    const Module = require("node:module");
    const asked = [];
    const load = Module._load;
    Module._load = function (request, ...rest) {
      if (/hyparquet/.test(request)) { asked.push(request); throw new Error("hyparquet blocked"); }
      return load.call(this, request, ...rest);
    };
    (async () => {
      const extra = await (async () => { ${body} })();
      const cached = Object.keys(require.cache).filter((f) => /hyparquet|import-parquet/.test(f));
      process.stdout.write(JSON.stringify({ asked, cached, extra }));
    })().catch((e) => { console.error(e); process.exit(3); });
  `;
  const run = spawnSync(process.execPath, ["--no-warnings", "--import", HOOK, "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { asked: string[]; cached: string[]; extra: unknown };
}

describe("the provider does not need the emulator's Parquet reader", () => {
  it("loads dist/index.js and dist/client/index.js without asking for hyparquet", () => {
    expect(existsSync(path.join(root, "dist/index.js")), "run npm run build first").toBe(true);
    const result = probe(`
      const provider = require("./dist/index.js");
      const client = require("./dist/client/index.js");
      return [Object.keys(provider).length > 0, Object.keys(client).length > 0];
    `);
    expect(result).toEqual({ asked: [], cached: [], extra: [true, true] });
  });

  it("sees the block when the emulator's Parquet reader runs (so the probe can fail)", () => {
    const result = probe(`
      const { decodeParquet } = require("./dist/emulator/data-plane/import-parquet.js");
      const data = require("node:fs").readFileSync("test/fixtures/import/formats/books.parquet");
      return decodeParquet(data, { fields: [], enableDynamicField: false });
    `);
    expect(result.cached.some((f) => f.endsWith("import-parquet.js"))).toBe(true);
    expect(JSON.stringify(result.extra)).toMatch(/hyparquet blocked/);
  });
});
