/**
 * Resource constructors register without the SDK's per-promise debug stack traces (shared/debug-stacks),
 * and leave nothing behind: the limit is restored, errors from the constructor still carry a stack, and
 * leak debugging keeps its traces.
 */
import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Collection } from "../../../src/index";
import { quietStacks, restoreStacks } from "../../../src/resources/shared/debug-stacks";

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: () => ({}),
    },
    "proj",
    "stack",
    true,
  );
});

afterEach(() => {
  delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
});

const collectionArgs = { endpoint: "https://h", collectionName: "docs", schema: { fields: [{ name: "id", dataType: "Int64" as const, isPrimary: true }] } };

describe("debug stacks while a resource registers", () => {
  /** The frame counts of the stack traces formatted while `make` runs. */
  function tracesDuring(make: () => void): number[] {
    const counts: number[] = [];
    const original = Error.prepareStackTrace;
    Error.prepareStackTrace = (err, frames) => {
      counts.push(frames.length);
      return original ? original(err, frames) : `${String(err)}\n${frames.map((f) => `    at ${String(f)}`).join("\n")}`;
    };
    try {
      make();
    } finally {
      Error.prepareStackTrace = original;
    }
    return counts;
  }

  it("are off during the SDK's constructor (four per property), and the limit is back afterwards", () => {
    const before = Error.stackTraceLimit;
    const quiet = tracesDuring(() => new Collection("quiet", collectionArgs));
    expect(Error.stackTraceLimit).toBe(before);
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    const loud = tracesDuring(() => new Collection("loud", collectionArgs));
    // Every registered property costs four debug traces; with leak debugging on they are all recorded.
    expect(loud.length).toBeGreaterThan(4 * 10);
    expect(loud.filter((n) => n === 0)).toEqual([]);
    // Off, they are empty; the one the SDK takes itself for the program's source position stays whole.
    expect(quiet.filter((n) => n === 0).length).toBeGreaterThan(4 * 10);
    expect(quiet.filter((n) => n > 0).length).toBeLessThanOrEqual(2);
    expect(quiet.some((n) => n > 0)).toBe(true);
  });

  it("quietStacks sets the limit to 0 and restoreStacks puts it back", () => {
    const before = Error.stackTraceLimit;
    const saved = quietStacks();
    expect(Error.stackTraceLimit).toBe(0);
    expect(new Error("x").stack).toBe("Error: x");
    restoreStacks(saved);
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("y").stack).toContain("\n");
  });

  it("keeps the traces when PULUMI_DEBUG_PROMISE_LEAKS is set", () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    const before = Error.stackTraceLimit;
    const saved = quietStacks();
    expect(Error.stackTraceLimit).toBe(before);
    restoreStacks(saved);
  });

  it("gives an error thrown by the constructor a stack, with the limit restored", () => {
    const before = Error.stackTraceLimit;
    let thrown: unknown;
    try {
      // The SDK refuses a resource without a name, from inside the constructor.
      new Collection("", collectionArgs);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).stack).toContain("\n");
    expect(Error.stackTraceLimit).toBe(before);
  });
});
