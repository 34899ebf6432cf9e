/**
 * Injected faults: the next N calls matching a method and path pattern (on the control plane or on one
 * cluster's data plane) fail the way a real network or gateway can fail.
 */
import type { ServerResponse } from "node:http";
import { checkAnswerEdits, rewriteAnswer, type AnswerEdit } from "./answer-rewrite";
import { checkChance, seededRandom } from "./fault-chance";
import { LOSE_ANSWER_MODES, loseAnswer, type LoseAnswerMode } from "./lose-answer";

/** What to do to a matching call. */
export type FaultKind = "status" | "latency" | "drop" | "code" | "rewrite" | "lose-answer";

/** A fault as posted to `/__emulator/faults`. */
export interface FaultSpec {
  /** "control" (default), a cluster id (its data plane), or "*" (the control plane and every data plane). */
  target?: string;
  /** HTTP method to match; any when omitted. */
  method?: string;
  /** Path to match: exact, or with `*` matching any run of characters. */
  path: string;
  /** How many matching calls it applies to (default 1). */
  times?: number;
  kind: FaultKind;
  /** For "status": 429, 500, 503… */
  status?: number;
  /** For "status" 429/503: the Retry-After header in seconds. */
  retryAfterSeconds?: number;
  /** For "latency": added delay before the call is served normally. */
  latencyMs?: number;
  /** For "code": the business error put in an HTTP 200 body. */
  code?: number;
  message?: string;
  /** For "rewrite": the call is served normally and these edits are made to its JSON answer. */
  edits?: AnswerEdit[];
  /** For "lose-answer": the call is served (the state changes), then the answer is lost this way (default "reset"). */
  mode?: LoseAnswerMode;
  /**
   * Fires on each matching call with this chance (0 < p ≤ 1) instead of on the next N; stays armed until
   * cleared, or until it fired `times` times when that is given. A call that it spares is offered to the
   * next matching fault, so several of them add up to a mix.
   */
  probability?: number;
  /** Reseeds the generator every probabilistic fault draws from (repeatable runs); default seed 1. */
  seed?: number;
}

interface ArmedFault extends FaultSpec {
  id: number;
  remaining: number;
  /** How often it fired so far (listed by `GET faults`: a soak reports how many calls it failed). */
  fired: number;
  regex: RegExp;
}

/** What the server must do with a call after consulting the faults. */
export type FaultOutcome = { handled: true } | { handled: false; delayMs: number };

function globToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`);
}

/** Validates a posted spec; throws a plain Error with the reason (answered as HTTP 400 by the control routes). */
export function checkFaultSpec(value: unknown): FaultSpec {
  const spec = value as FaultSpec;
  if (typeof spec !== "object" || spec === null) throw new Error("fault must be an object");
  if (typeof spec.path !== "string" || spec.path === "") throw new Error("fault.path is required");
  if (!["status", "latency", "drop", "code", "rewrite", "lose-answer"].includes(spec.kind)) {
    throw new Error("fault.kind must be status, latency, drop, code, rewrite or lose-answer");
  }
  if (spec.kind === "status" && typeof spec.status !== "number") throw new Error("fault.status is required for kind status");
  if (spec.kind === "latency" && typeof spec.latencyMs !== "number") throw new Error("fault.latencyMs is required for kind latency");
  if (spec.kind === "code" && typeof spec.code !== "number") throw new Error("fault.code is required for kind code");
  if (spec.kind === "rewrite") checkAnswerEdits(spec.edits);
  checkChance(spec);
  if (spec.kind === "lose-answer" && spec.mode !== undefined && !LOSE_ANSWER_MODES.includes(spec.mode)) {
    throw new Error("fault.mode must be reset, 500 or timeout for kind lose-answer");
  }
  return spec;
}

/** The armed faults. */
export class FaultInjector {
  private faults: ArmedFault[] = [];
  private nextId = 1;
  private random = seededRandom(1);

  add(spec: FaultSpec): number {
    const id = this.nextId++;
    if (spec.seed !== undefined) this.random = seededRandom(spec.seed);
    const remaining = spec.times ?? (spec.probability !== undefined ? Number.POSITIVE_INFINITY : 1);
    this.faults.push({ ...spec, id, remaining, fired: 0, regex: globToRegex(spec.path) });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map(({ regex: _regex, ...rest }) => rest);
  }

  /** Applies the first matching fault (consuming one use). Latency is returned for the caller to wait. */
  apply(target: string, method: string, path: string, res: ServerResponse): FaultOutcome {
    const fault = this.faults.find(
      (f) => ((f.target ?? "control") === target || f.target === "*") && (!f.method || f.method.toUpperCase() === method) && f.regex.test(path) && (f.probability === undefined || this.random() < f.probability),
    );
    if (!fault) return { handled: false, delayMs: 0 };
    fault.remaining -= 1;
    fault.fired += 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    switch (fault.kind) {
      case "latency":
        return { handled: false, delayMs: fault.latencyMs ?? 0 };
      case "rewrite":
        rewriteAnswer(res, fault.edits ?? []);
        return { handled: false, delayMs: 0 };
      case "lose-answer":
        loseAnswer(res, fault.mode);
        return { handled: false, delayMs: 0 };
      case "drop":
        dropMidResponse(res);
        return { handled: true };
      case "code":
        writeJson(res, 200, { code: fault.code, message: fault.message ?? "injected fault" });
        return { handled: true };
      default: {
        const status = fault.status ?? 500;
        const headers: Record<string, string> = {};
        if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
        writeJson(res, status, { code: status, message: status === 429 ? "rate limit exceeded" : "injected fault" }, headers);
        return { handled: true };
      }
    }
  }
}

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Sends headers and part of a body that promises more, then destroys the socket: the client sees a reset. */
function dropMidResponse(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": "64" });
  res.write('{"code":0,"da', () => res.socket?.destroy());
}
