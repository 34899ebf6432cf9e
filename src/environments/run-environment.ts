/**
 * Runs one `zilliz-env` command on one environment through the Automation API and reports what happened
 * as an {@link EnvResult}; errors become a failed result (the caller runs several environments at once
 * and one failure must not hide the others' outcomes).
 */
import type { EngineEvent, OutputMap, Stack } from "@pulumi/pulumi/automation";
import type { CliOptions } from "./cli-args";
import { driftedResources } from "./drift";
import type { EnvResult } from "./env-result";
import { openEnvironmentStack } from "./environment-stack";
import { summarizePlan } from "./plan-summary";
import type { ProgressView } from "./progress-view";
import type { EnvSpec } from "./spec-types";

/** The Automation API's error text without the CLI's command echo and stack noise. */
export function errorText(e: unknown): string {
  const err = e as { message?: string; stderr?: string };
  const text = err.stderr && err.stderr.trim() !== "" ? err.stderr : (err.message ?? String(e));
  const lines = text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "" && !/^\s*(at |code:|stdout:|stderr:|err\?:)/.test(l));
  const unique = [...new Set(lines)];
  if (unique.some((l) => /spawn pulumi ENOENT/.test(l))) return "the Pulumi CLI was not found: put pulumi on PATH or pass --pulumi-root <dir> (the folder above its bin/)";
  // The message of a failed update carries the CLI's whole progress display: its error lines say why.
  const errors = unique.filter((l) => /\berror:/i.test(l)).map((l) => l.trim());
  return (errors.length > 0 ? errors : unique).slice(0, 12).join("\n");
}

/** A preview of the spec's program, summarized for review. */
async function reviewedPreview(stack: Stack, view: ProgressView, refresh: boolean, signal: AbortSignal | undefined): Promise<{ changes: Record<string, number>; plan: ReturnType<typeof summarizePlan> }> {
  const events: EngineEvent[] = [];
  const result = await stack.preview({
    refresh,
    signal,
    onEvent: (e) => {
      events.push(e);
      view.onEvent(e);
    },
  });
  return { changes: result.changeSummary as Record<string, number>, plan: summarizePlan(events) };
}

const outputsOf = (m: OutputMap) => Object.fromEntries(Object.entries(m).map(([k, o]) => [k, { value: o.value, secret: o.secret }]));

/**
 * Runs `options.command` on `env`. `signal` cancels: the engine gets SIGINT, finishes the steps under way,
 * saves the state and releases the stack's lock (a killed engine would leave the stack locked).
 */
export async function runEnvironment(env: string, spec: EnvSpec | undefined, options: CliOptions, view: ProgressView, signal?: AbortSignal): Promise<EnvResult> {
  const started = Date.now();
  const result: EnvResult = { env, command: options.command, status: "succeeded", elapsedMs: 0, changes: {} };
  const onEvent = (e: EngineEvent) => view.onEvent(e);
  if (signal?.aborted) return { ...result, status: "failed", error: "cancelled before it started" };
  try {
    const stack = await openEnvironmentStack(env, spec, options, options.command === "up" || options.command === "preview");
    // up and preview read the real resources first (unless --skip-refresh), so a change made outside the
    // spec shows in the plan and up puts the spec's values back.
    const refresh = !options.skipRefresh;
    switch (options.command) {
      case "preview": {
        const { changes, plan } = await reviewedPreview(stack, view, refresh, signal);
        Object.assign(result, { changes, plan });
        if (options.denyDestructive && plan.destructive) {
          Object.assign(result, { status: "failed", error: `destructive steps denied: ${plan.rows.filter((r) => r.destructive).map((r) => `${r.action} ${r.kind} ${r.name}`).join(", ")}` });
        }
        break;
      }
      case "up": {
        if (options.denyDestructive) {
          // Refuse before anything is touched: the guard reviews the same plan a preview would show.
          const { plan } = await reviewedPreview(stack, view, refresh, signal);
          result.plan = plan;
          if (plan.destructive) {
            Object.assign(result, { status: "failed", error: `destructive steps denied: ${plan.rows.filter((r) => r.destructive).map((r) => `${r.action} ${r.kind} ${r.name}`).join(", ")}` });
            break;
          }
        }
        const up = await stack.up({ onEvent, refresh, signal });
        Object.assign(result, { changes: up.summary.resourceChanges ?? {}, outputs: outputsOf(up.outputs) });
        break;
      }
      case "refresh": {
        const refresh = await stack.refresh({ onEvent, signal });
        result.changes = refresh.summary.resourceChanges ?? {};
        break;
      }
      case "drift": {
        // A refresh that changes nothing: it reads every resource and reports how each differs from the stack.
        const events: EngineEvent[] = [];
        const preview = await stack.previewRefresh({
          signal,
          onEvent: (e) => {
            events.push(e);
            onEvent(e);
          },
        });
        Object.assign(result, { changes: preview.changeSummary, drifted: driftedResources(events) });
        break;
      }
      case "destroy": {
        // With a spec, the program runs first so config given now (allowDataLoss) reaches the drops.
        const destroy = await stack.destroy({ onEvent, signal, ...(spec ? { runProgram: true } : {}) });
        result.changes = destroy.summary.resourceChanges ?? {};
        await stack.workspace.removeStack(env);
        break;
      }
      case "outputs":
        result.outputs = outputsOf(await stack.outputs());
        break;
    }
  } catch (e) {
    Object.assign(result, { status: "failed", error: signal?.aborted ? "cancelled: the engine finished the steps under way and saved them" : errorText(e) });
  }
  result.elapsedMs = Date.now() - started;
  return result;
}
