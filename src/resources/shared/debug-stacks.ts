/**
 * The Pulumi SDK records a stack trace for each of the four promises behind every output property of a
 * resource it registers (`debuggablePromise`), only to print them when `PULUMI_DEBUG_PROMISE_LEAKS` is set.
 * Formatting those traces is most of what constructing a resource costs: about 2.5 ms for a class with
 * twenty properties, against 0.5 ms with the traces off, which made a no-change `pulumi preview` of 200
 * resources 1.3× slower than the same stack of bare dynamic resources (docs/benchmarks.md, issue 9).
 *
 * Constructors therefore register with `Error.stackTraceLimit = 0` for the synchronous span of the SDK's
 * constructor. The SDK sets its own limit while it reads the program's source position, so `pulumi
 * preview` still points at the program's line; with leak debugging on, the traces are kept.
 */

/** Turns the debug traces off; give the result to {@link restoreStacks}. */
export function quietStacks(): number {
  const before = Error.stackTraceLimit;
  if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
  return before;
}

/** Puts the limit back and, if the constructor threw, gives its error the stack it could not record. */
export function restoreStacks(before: number, thrown?: unknown): void {
  Error.stackTraceLimit = before;
  if (thrown instanceof Error && !thrown.stack?.includes("\n")) Error.captureStackTrace(thrown, restoreStacks);
}
