/**
 * Starts zilliz-local for a test: ephemeral ports, immediate transitions unless told otherwise, and a typed
 * wrapper over the `/__emulator/*` control endpoints (called over HTTP, as any client would).
 */
import { startEmulator, type EmulatorOptions, type FaultSpec, type TransitionKind } from "../../src/emulator";

/** The call log as `GET /__emulator/calls` returns it. */
export interface CallSummary {
  total: number;
  counts: Record<string, number>;
  calls: Array<{ target: string; method: string; path: string; time: string }>;
}

/** A running test emulator. */
export interface TestEmulator {
  url: string;
  apiKey: string;
  legacyUrl?: string;
  close(): Promise<void>;
  control: {
    reset(): Promise<void>;
    setTransition(kind: TransitionKind | undefined, mode: string): Promise<void>;
    advance(kind?: TransitionKind, id?: string): Promise<void>;
    injectFault(fault: FaultSpec): Promise<number>;
    clearFaults(): Promise<void>;
    setRateLimit(settings: { enabled: boolean; requestsPerSecond?: number; burst?: number; code?: number }): Promise<void>;
    calls(): Promise<CallSummary>;
    clearCalls(): Promise<void>;
    state(): Promise<unknown>;
    /** Rotates the org API key (the old one is refused from then on); returns the new key. */
    rotateApiKey(next?: string): Promise<string>;
  };
}

/** Starts an emulator with port 0 and immediate transitions (overridable through `options`). */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, transitions: { kind: "immediate" }, ...options });
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${emulator.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await res.json()) as { code: number; data?: unknown; message?: string };
    if (res.status !== 200 || parsed.code !== 0) throw new Error(`control ${method} ${path} failed: HTTP ${res.status} ${parsed.message}`);
    return parsed.data;
  };
  return {
    url: emulator.url,
    apiKey: emulator.apiKey,
    legacyUrl: emulator.legacyUrl,
    close: () => emulator.close(),
    control: {
      reset: async () => void (await call("POST", "reset", {})),
      setTransition: async (kind, mode) => void (await call("POST", "transitions", { kind, mode })),
      advance: async (kind, id) => void (await call("POST", "advance", { kind, id })),
      injectFault: async (fault) => ((await call("POST", "faults", fault)) as { faultId: number }).faultId,
      clearFaults: async () => void (await call("DELETE", "faults")),
      setRateLimit: async (settings) => void (await call("POST", "rate-limit", settings)),
      calls: async () => (await call("GET", "calls")) as CallSummary,
      clearCalls: async () => void (await call("DELETE", "calls")),
      state: () => call("GET", "state"),
      rotateApiKey: async (next) => ((await call("POST", "api-key", next === undefined ? {} : { apiKey: next })) as { apiKey: string }).apiKey,
    },
  };
}
