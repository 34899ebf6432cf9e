/**
 * The reserved `/__emulator/*` endpoints: reset, state dump, transition modes, manual advance, faults,
 * rate limit and the call log. They take no API key and are not logged as API calls.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseJsonObject, readBody } from "../http-io";
import { renderNotFound, renderRaw } from "../render";
import { formatTransitionMode, parseTransitionMode, TRANSITION_KINDS, type TransitionKind } from "../transition-mode";
import type { CallLog } from "./call-log";
import { checkFaultSpec, type FaultInjector } from "./faults";
import type { RateLimiter, RateLimitSettings } from "./rate-limit";

/** The prefix no real API uses. */
export const CONTROL_PREFIX = "/__emulator/";

/** What the control endpoints act on. */
export interface EmulatorControl {
  reset(): Promise<void>;
  dump(): unknown;
  setTransition(kind: TransitionKind | undefined, mode: string): void;
  transitions(): Record<TransitionKind, string>;
  advance(kind?: TransitionKind, id?: string): void;
  /** Replaces the org API key (a fresh one when `next` is absent) and returns it: the old key is refused. */
  rotateApiKey(next?: string): string;
  faults: FaultInjector;
  rateLimit: RateLimiter;
  calls: CallLog;
}

function isKind(value: unknown): value is TransitionKind {
  return typeof value === "string" && (TRANSITION_KINDS as readonly string[]).includes(value);
}

/** Serves one control request. Bad input is HTTP 400 `{code: 400, message}`. */
export async function handleControl(control: EmulatorControl, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const ok = (data: unknown) => renderRaw(res, 200, { code: 0, data: data ?? null });
  const action = `${req.method} ${path.slice(CONTROL_PREFIX.length)}`;
  try {
    const body = req.method === "GET" ? {} : parseJsonObject(await readBody(req));
    switch (action) {
      case "POST reset":
        await control.reset();
        return ok({ reset: true });
      case "GET state":
        return ok(control.dump());
      case "GET transitions":
        return ok(control.transitions());
      case "POST transitions": {
        if (body.kind !== undefined && !isKind(body.kind)) throw new Error("kind must be cluster, load, index or import");
        if (typeof body.mode !== "string") throw new Error("mode is required: immediate, manual or time:<ms>");
        control.setTransition(body.kind, body.mode);
        return ok(control.transitions());
      }
      case "POST advance": {
        if (body.kind !== undefined && !isKind(body.kind)) throw new Error("kind must be cluster, load, index or import");
        if (body.id !== undefined && typeof body.id !== "string") throw new Error("id must be a string");
        control.advance(body.kind, body.id as string | undefined);
        return ok({ advanced: true });
      }
      case "POST api-key": {
        if (body.apiKey !== undefined && (typeof body.apiKey !== "string" || body.apiKey.length < 8)) throw new Error("apiKey must be a string of at least 8 characters");
        return ok({ apiKey: control.rotateApiKey(body.apiKey as string | undefined) });
      }
      case "POST faults":
        return ok({ faultId: control.faults.add(checkFaultSpec(body)) });
      case "GET faults":
        return ok(control.faults.list());
      case "DELETE faults":
        control.faults.clear();
        return ok({ cleared: true });
      case "POST rate-limit":
        if (typeof body.enabled !== "boolean") throw new Error("enabled (boolean) is required");
        return ok(control.rateLimit.configure(body as unknown as RateLimitSettings));
      case "GET rate-limit":
        return ok(control.rateLimit.current());
      case "GET calls":
        return ok(control.calls.summary());
      case "DELETE calls":
        control.calls.clear();
        return ok({ cleared: true });
      default:
        return renderNotFound(res);
    }
  } catch (error) {
    renderRaw(res, 400, { code: 400, message: error instanceof Error ? error.message : String(error) });
  }
}

/** Validates a mode string early so a bad one is a 400, not a half-applied change. */
export function checkModeText(mode: string): string {
  return formatTransitionMode(parseTransitionMode(mode));
}
