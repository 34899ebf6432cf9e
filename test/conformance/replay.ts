/**
 * Replays hand-written request/response pairs (test/fixtures/…) against a node:http listener.
 *
 * A fixture is `{ transitions?, steps: Step[] }`. A step sends `method path` with `body` (a JSON value, or
 * `raw` text sent as is) and expects `status` (default 200) and exactly `response` (parsed JSON) or `text`.
 * Matchers inside `response`: `"<int64>"` = a JSON number written as digits beyond 2^53 (checked on the raw
 * text), `"<digits>"` = a string of digits, `"<any>"` = anything, `"<timestamp>"` = an RFC 3339 time,
 * `"<re>…"` = a string matching the regular expression after `<re>` (e.g. a message that embeds an ID).
 * `{{importRoot}}` in a body is replaced by the fixture import directory. `advance` steps call a hook.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";

export interface Step {
  name: string;
  method?: string;
  path?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  status?: number;
  response?: unknown;
  text?: string;
  advance?: string;
}

export interface Fixture {
  transitions?: Record<string, string>;
  steps: Step[];
}

/** Starts `listener` on 127.0.0.1:0. */
export async function listen(listener: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Sends one request and returns status, raw text and parsed JSON (when it parses). */
export async function send(url: string, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(url + path, { method, body, headers, redirect: "manual" });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

function match(actual: unknown, expected: unknown, raw: string, where: string): void {
  if (expected === "<any>") return;
  if (expected === "<int64>") {
    expect(typeof actual, `${where} is a number`).toBe("number");
    expect(actual as number, `${where} is beyond 2^53`).toBeGreaterThan(2 ** 53);
    expect(raw, `${where} is written as bare digits`).toMatch(/:\d{17,19}[,}\]]/);
    return;
  }
  if (expected === "<digits>") return void expect(actual, where).toMatch(/^\d{15,19}$/);
  if (expected === "<timestamp>") return void expect(actual, where).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  if (typeof expected === "string" && expected.startsWith("<re>")) return void expect(actual, where).toMatch(new RegExp(expected.slice(4)));
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${where} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${where} length`).toBe(expected.length);
    expected.forEach((e, i) => match((actual as unknown[])[i], e, raw, `${where}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === "object") {
    expect(actual !== null && typeof actual === "object", `${where} is an object`).toBe(true);
    expect(Object.keys(actual as object).sort(), `${where} keys`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) match((actual as Record<string, unknown>)[k], v, raw, `${where}.${k}`);
    return;
  }
  expect(actual, where).toEqual(expected);
}

/** Runs every step of a fixture in order. */
export async function replay(url: string, fixture: Fixture, hooks: { importRoot?: string; advance?(what: string): void } = {}): Promise<void> {
  for (const step of fixture.steps) {
    if (step.advance !== undefined) {
      hooks.advance?.(step.advance);
      continue;
    }
    let body = step.raw ?? (step.body === undefined ? undefined : JSON.stringify(step.body));
    if (body !== undefined && hooks.importRoot) body = body.split("{{importRoot}}").join(hooks.importRoot);
    const result = await send(url, step.method ?? "POST", step.path!, body, step.headers);
    const where = `step "${step.name}"`;
    expect(result.status, `${where} status (body ${result.text})`).toBe(step.status ?? 200);
    if (step.text !== undefined) expect(result.text, where).toBe(step.text);
    if (step.response !== undefined) {
      expect(result.json, `${where} returns JSON: ${result.text}`).toBeDefined();
      try {
        match(result.json, step.response, result.text, where);
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}\nactual: ${result.text}`);
      }
    }
  }
}
