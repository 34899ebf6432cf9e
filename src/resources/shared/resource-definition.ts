/**
 * What a resource folder provides: its spec (the property table) and its operations. The runtime derives
 * check, diff, read's inputs, partial state and the stored shape from these; the ops only talk to the API.
 */
import type { z } from "zod";
import type { DiffPlan } from "./plan";
import type { ProviderConfig } from "./provider-config";
import type { RuntimeContext } from "./runtime-context";
import type { InputsOf, Props, Spec } from "./spec";

/**
 * What an operation saw on the server: the input properties the server reports (only those it reports:
 * a property left out keeps the value as written) and the output-only properties.
 */
export type Observed = Props;

/** Unfinished work recorded in state after a failure, resumed by the next `update`. */
export interface PendingWork {
  /** What was being done, e.g. `create`, `update`, `import`. */
  operation: string;
  /** The step that did not finish, e.g. `wait RUNNING`, `apply properties`. */
  step: string;
  /** Why it stopped (the error text, never a secret). */
  reason: string;
}

/** The stored state of a resource: inputs as written (reconciled with the server) and outputs. */
export type StateOf<S extends Spec> = Partial<InputsOf<S>> & Props & { pendingWork?: PendingWork };

/** A resource's run-time operations, given parsed, typed inputs. */
export interface ResourceOps<S extends Spec> {
  /** Creates (or adopts) the object; returns its id and what the server reports. */
  create(ctx: RuntimeContext, inputs: InputsOf<S>): Promise<{ id: string; observed: Observed }>;
  /** The object as the server has it, or `undefined` when the server confirmed it is gone. */
  read(ctx: RuntimeContext, id: string, state: StateOf<S>): Promise<Observed | undefined>;
  /** Applies the planned in-place changes; returns what the server reports afterwards. */
  update(ctx: RuntimeContext, id: string, olds: StateOf<S>, news: InputsOf<S>, plan: DiffPlan): Promise<Observed>;
  /** Deletes the object and waits until it is gone; idempotent. */
  delete(ctx: RuntimeContext, id: string, state: StateOf<S>): Promise<void>;
  /**
   * Finishes the work a failed create or update left (`state.pendingWork`), before this update's own
   * changes. Throws (again as partial state) when it still cannot finish. Default: nothing to resume.
   */
  resume?(ctx: RuntimeContext, id: string, state: StateOf<S>, news: InputsOf<S>): Promise<Observed>;
}

/** One resource kind: its spec, its rules and its operations. */
export interface ResourceDefinition<S extends Spec = Spec> {
  /** The kind, as in the type token `pulumi-nodejs:dynamic/zilliz:<kind>`. */
  kind: string;
  spec: S;
  /** Rules across properties, run by `check` after each property's own type (zod refinement). */
  refine?: (inputs: InputsOf<S>, ctx: z.RefinementCtx) => void;
  /**
   * Resource-specific plan rules on top of the derived plan (e.g. which changes are in-place after all,
   * delete-before-replace). May throw to refuse a plan at preview (e.g. a replacement that loses data).
   */
  adjustPlan?: (plan: DiffPlan, olds: StateOf<S>, news: Props, config: ProviderConfig) => void;
  /** Upgrades a stored shape older than the current `stateVersion` (0.1.0 states have none: version 1). */
  upgrade?: (state: Props, fromVersion: number) => Props;
  ops: ResourceOps<S>;
}

/** Declares a resource definition with its spec type kept. */
export function defineResource<S extends Spec>(def: ResourceDefinition<S>): ResourceDefinition<S> {
  return def;
}
