/**
 * Test helper: an undici MockAgent that records every request (method, path, headers, JSON body) and
 * answers with canned replies written from the reference documents.
 */
import { MockAgent } from "undici";
import type { SleepFn } from "../../../src/client";

export interface Captured {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

function headerMap(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(h)) for (let i = 0; i < h.length; i += 2) out[String(h[i]).toLowerCase()] = String(h[i + 1]);
  else if (h && typeof h === "object") for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = String(v);
  return out;
}

export class MockServer {
  readonly agent = new MockAgent();
  readonly calls: Captured[] = [];
  /** Delays passed to the injected sleep (backoff, Retry-After, rate limit). */
  readonly delays: number[] = [];
  readonly sleep: SleepFn = async (ms) => {
    this.delays.push(ms);
  };

  readonly origin: string;

  constructor(origin: string) {
    // undici drops a default port (":443") from the origin it matches on.
    this.origin = new URL(origin).origin;
    this.agent.disableNetConnect();
  }

  /** Answers the next request to `method path` (exact path including query, or a predicate). */
  on(method: string, path: string | ((p: string) => boolean), reply: Reply | ((c: Captured) => Reply), times = 1): this {
    this.agent
      .get(this.origin)
      .intercept({ method, path })
      .reply((opts) => {
        const raw = opts.body;
        const text = typeof raw === "string" ? raw : raw instanceof Buffer ? raw.toString() : undefined;
        const captured: Captured = { method: opts.method, path: opts.path, headers: headerMap(opts.headers), body: text ? JSON.parse(text) : undefined };
        this.calls.push(captured);
        const r = typeof reply === "function" ? reply(captured) : reply;
        return {
          statusCode: r.status ?? 200,
          data: typeof r.body === "string" ? r.body : JSON.stringify(r.body),
          responseOptions: { headers: { "content-type": "application/json; charset=utf-8", ...r.headers } },
        };
      })
      .times(times);
    return this;
  }

  /** Options that make a client use this mock with no real waiting. */
  clientOptions() {
    return { dispatcher: this.agent, sleep: this.sleep, random: () => 0.5, requestsPerSecond: 1_000_000 };
  }

  last(): Captured {
    const c = this.calls.at(-1);
    if (!c) throw new Error("no request was sent");
    return c;
  }
}
