/**
 * Conformance of zilliz-local's control plane: replays the request/response pairs in
 * test/fixtures/control-plane/*.json (written by hand from the reference documents and the seeds, never from
 * our own client) against a fresh emulator each, and compares shapes, fixed values and id formats.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { shapeDifferences, valuesAt } from "./shape";

interface Step {
  name: string;
  source?: string;
  /** A `/__emulator/<path>` call made before the request (no check beyond success). */
  control?: { method: string; path: string; body?: unknown };
  request?: { method: string; path: string; base?: string; auth?: string; body?: unknown };
  /** A setup request: must succeed (HTTP 200, code 0 or 200), nothing else is compared. */
  setup?: boolean;
  expect?: { status: number; body?: unknown; text?: string; fixed?: Record<string, unknown>; patterns?: Record<string, string> };
  capture?: Record<string, string>;
}

interface Scenario {
  scenario: string;
  sources: string[];
  options?: Record<string, unknown>;
  steps: Step[];
}

const FIXTURES = path.resolve(__dirname, "../../fixtures/control-plane");
const scenarios = readdirSync(FIXTURES)
  .filter((f) => /^\d{2}-.*\.json$/.test(f))
  .sort()
  .map((file) => ({ file, scenario: JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as Scenario }));

function substitute<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === "string") {
    return value.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`fixture variable \${${name}} is not captured yet`);
      return vars[name];
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)])) as T;
  }
  return value;
}

function authorization(auth: string | undefined, emulator: TestEmulator): string | undefined {
  if (auth === undefined || auth === "apiKey") return `Bearer ${emulator.apiKey}`;
  if (auth === "none") return undefined;
  if (auth === "bad") return "Bearer not-a-real-key";
  return `Bearer ${auth}`;
}

it("has fixtures to replay", () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(8);
});

for (const { file, scenario } of scenarios) {
  describe(`${file}: ${scenario.scenario}`, () => {
    let emulator: TestEmulator;
    const vars: Record<string, string> = { fixturesDir: FIXTURES };
    beforeAll(async () => {
      emulator = await startTestEmulator({ legacyPort: false, ...(scenario.options ?? {}) });
    });
    afterAll(async () => emulator?.close());

    // Steps depend on earlier captures, so they run in order inside one test each, named by step.
    for (const step of scenario.steps) {
      it(step.name, async () => {
        if (step.control) {
          const res = await fetch(`${emulator.url}/__emulator/${step.control.path}`, {
            method: step.control.method,
            headers: { "content-type": "application/json" },
            body: JSON.stringify(substitute(step.control.body ?? {}, vars)),
          });
          expect(res.status).toBe(200);
        }
        if (!step.request) return;
        const req = substitute(step.request, vars);
        const headers: Record<string, string> = { accept: "application/json" };
        const auth = authorization(req.auth, emulator);
        if (auth) headers.authorization = auth;
        if (req.body !== undefined) headers["content-type"] = "application/json";
        const res = await fetch((req.base ?? emulator.url) + req.path, {
          method: req.method,
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
        });
        const text = await res.text();
        if (step.setup) {
          expect(res.status, text).toBe(200);
          expect([0, 200], text).toContain(JSON.parse(text).code);
        } else if (step.expect) {
          expect(res.status, text).toBe(step.expect.status);
          if (step.expect.text !== undefined) expect(text).toBe(step.expect.text);
          if (step.expect.body !== undefined) {
            const body = JSON.parse(text) as unknown;
            expect(shapeDifferences(body, step.expect.body), text).toEqual([]);
            for (const [p, value] of Object.entries(step.expect.fixed ?? {})) {
              for (const actual of valuesAt(body, p)) expect(actual, `${p} in ${text}`).toEqual(substitute(value, vars));
            }
            for (const [p, pattern] of Object.entries(step.expect.patterns ?? {})) {
              const found = valuesAt(body, p);
              expect(found.length, p).toBeGreaterThan(0);
              for (const actual of found) expect(actual, `${p} in ${text}`).toMatch(new RegExp(pattern));
            }
          }
        }
        if (step.capture) {
          const body = JSON.parse(text) as unknown;
          for (const [name, p] of Object.entries(step.capture)) {
            const [value] = valuesAt(body, p);
            expect(value, `capture ${name} from ${p}`).toBeDefined();
            vars[name] = String(value);
          }
        }
      });
    }
  });
}
