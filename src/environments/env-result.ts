/**
 * What one `zilliz-env` command did to one environment: the record the progress view summarizes, the
 * JSON summary line carries and the exit code is computed from.
 */
import type { EnvCommand } from "./cli-args";
import type { PlanSummary } from "./plan-summary";

/** A resource whose real state differs from the stack's (found by `drift`). */
export interface DriftedResource {
  kind: string;
  name: string;
  urn: string;
  /** `update`: it changed; `delete`: it is gone. */
  change: "update" | "delete";
  /** The top-level properties whose values differ (empty for `delete`). */
  properties: string[];
}

/** A stack output as the Automation API reports it. */
export interface EnvOutput {
  value: unknown;
  secret: boolean;
}

/** The outcome of one command on one environment. */
export interface EnvResult {
  env: string;
  command: EnvCommand;
  status: "succeeded" | "failed";
  /** Why it failed (engine error, refused destructive step, bad spec). */
  error?: string;
  elapsedMs: number;
  /** Resource steps by operation, as the engine counted them (`create: 2, same: 5`). */
  changes: Record<string, number>;
  /** preview (and up with --deny-destructive): the reviewed plan. */
  plan?: PlanSummary;
  /** drift: the resources that drifted. */
  drifted?: DriftedResource[];
  /** outputs and up: the stack outputs. */
  outputs?: Record<string, EnvOutput>;
}
