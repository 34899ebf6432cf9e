/**
 * The rejection shape that makes the engine record a resource with init errors instead of forgetting it:
 * once an object exists on the server, any later failure (a failed or timed-out wait) must keep its id in
 * the stack so the next `up` or `destroy` can deal with it (pulumi-dynamic-providers.md §1.4).
 */
export interface PartialStateError {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

/** Builds the partial-state rejection from the error that interrupted the operation. */
export function partialState(id: string, properties: Record<string, unknown>, cause: unknown): PartialStateError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return { id, properties, reasons: [reason] };
}

/** True for a value built by {@link partialState}. */
export function isPartialState(e: unknown): e is PartialStateError {
  return typeof e === "object" && e !== null && typeof (e as PartialStateError).id === "string" && Array.isArray((e as PartialStateError).reasons);
}
