/**
 * The rejection that makes the engine record a resource with init errors instead of forgetting it: once an
 * object exists on the server, any later failure must keep its id in the stack so the next `up` can finish
 * the work and `destroy` can delete it (pulumi-dynamic-providers.md §1.4, §6).
 *
 * Operations throw {@link IncompleteError} with what they observed; the runtime turns it into the engine's
 * shape ({@link PartialStateError}) with the full stored state (`__provider`, `stateVersion`, `pendingWork`),
 * in one place, so no resource can store a state that `destroy` cannot load.
 */
import type { Observed, PendingWork } from "./resource-definition";

/** Thrown by an operation that changed the server and then could not finish. */
export class IncompleteError extends Error {
  constructor(
    readonly id: string,
    readonly observed: Observed,
    readonly pending: Omit<PendingWork, "reason">,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "IncompleteError";
  }
}

/** The engine's partial-state rejection. `message` is what the CLI shows. */
export class PartialStateError extends Error {
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    readonly reasons: string[],
  ) {
    super(reasons.join("; "));
    this.name = "PartialStateError";
  }
}

/** True for a {@link PartialStateError} (or anything of its shape). */
export function isPartialState(e: unknown): e is PartialStateError {
  return typeof e === "object" && e !== null && typeof (e as PartialStateError).id === "string" && Array.isArray((e as PartialStateError).reasons);
}

/** The pending-work record for a failure. */
export function pendingWork(e: IncompleteError): PendingWork {
  return { ...e.pending, reason: e.message };
}
