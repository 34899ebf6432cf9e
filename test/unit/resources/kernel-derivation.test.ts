/**
 * The resource kernel's derivations, tested once on a small fake resource ("KernelWidget") whose spec has
 * one property per rule: the Args/output types, the key lists, comparison with defaults and canonical forms,
 * the diff plan, the stored shape (reconcile), strict objects with suggestions, the state version, and the
 * engine-facing runtime (check, diff, create, read, update with resume, delete, partial state).
 *
 * The type-level assertions (`expectTypeOf`, `@ts-expect-error`) are checked by
 * `npx tsc -p tsconfig.test.json --noEmit`; at run time they are no-ops.
 */
import type * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import { RESOURCES } from "../../../src/resources/registry";
import { isPartialState, planOf, provider, type ZillizProvider } from "../../../src/resources/runtime";
import { propertyPath, validateInputs } from "../../../src/resources/shared/check-inputs";
import { closestName, editDistance, unknownKeyMessage } from "../../../src/resources/shared/closest-name";
import { inputsSchema } from "../../../src/resources/shared/derive-schema";
import { IncompleteError, PartialStateError } from "../../../src/resources/shared/partial-state";
import { planFromSpec, settle, type DiffPlan } from "../../../src/resources/shared/plan";
import { outputValues, reconcileInputs, writtenInputs } from "../../../src/resources/shared/reconcile";
import { defineResource, type ResourceDefinition, type ResourceOps } from "../../../src/resources/shared/resource-definition";
import { allKeys, comparable, defineSpec, input, inputKeys, inputProps, output, secretKeys, type ArgsOf, type InputProp, type InputsOf, type OutputsOf, type Props, type Spec } from "../../../src/resources/shared/spec";
import { STATE_VERSION, stateVersionOf, upgradeState } from "../../../src/resources/shared/state-version";
import { strictObject } from "../../../src/resources/shared/strict-object";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";
import { providerModuleText } from "../../../src/resources/shared/zilliz-dynamic-resource";

/** Lower-cased, without trailing slashes: the canonical form of the fake `url`. */
const lowerUrl = (v: unknown) => (typeof v === "string" ? v.toLowerCase().replace(/\/+$/, "") : v);

/** One property per kernel rule. */
const widgetSpec = defineSpec({
  /** Required, updates in place. */
  name: input(z.string().min(1), { change: "update" }),
  /** Required, replaces. */
  kind: input(z.enum(["small", "big"]), { change: "replace" }),
  /** Optional with a constant server default. */
  size: input(z.number().int().min(1).optional(), { change: "update", default: 1 }),
  /** Optional with a default that depends on another input. */
  mode: input(z.enum(["a", "b"]).optional(), { change: "update", default: (p: Props) => (p.kind === "big" ? "b" : "a") }),
  /** Compared in a canonical form; replaces. */
  url: input(z.string().optional(), { change: "replace", canonical: lowerUrl }),
  /** Replaces, and an unknown value plans a replacement too. */
  home: input(z.string().optional(), { change: "replace", whenUnknown: "replace" }),
  /** Unset means what the server chose. */
  zone: input(z.string().optional(), { change: "replace", serverChosen: true }),
  /** Local, secret. */
  token: input(z.string().optional(), { change: "local", secret: true }),
  /** Read at create only. */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
  /** A nested strict object. */
  extra: input(strictObject({ depth: z.number().int(), tags: z.array(z.string()).optional() }).optional(), { change: "update" }),
  /** A zod default: optional argument, always present after parsing. */
  retries: input(z.number().int().default(3), { change: "local" }),

  /** Output-only. */
  uid: output<string>(),
  /** Output-only, secret. */
  secretOut: output<string>({ secret: true }),
});
type WidgetSpec = typeof widgetSpec;
const KIND = "KernelWidget";

/** `a small widget has at most 10`: a cross-property rule, as resources write them. */
function refineWidget(v: InputsOf<WidgetSpec>, ctx: z.RefinementCtx): void {
  if (v.kind === "small" && (v.size ?? 1) > 10) ctx.addIssue({ code: "custom", path: ["size"], message: "a small widget has at most size 10" });
}

const upgrades: number[] = [];
/** Version 1 stored `mode` as `flavour`. */
function upgradeWidget(state: Props, from: number): Props {
  upgrades.push(from);
  const { flavour, ...rest } = state;
  return flavour === undefined ? rest : { ...rest, mode: flavour };
}

const ops = {
  create: vi.fn<ResourceOps<WidgetSpec>["create"]>(),
  read: vi.fn<ResourceOps<WidgetSpec>["read"]>(),
  update: vi.fn<ResourceOps<WidgetSpec>["update"]>(),
  delete: vi.fn<ResourceOps<WidgetSpec>["delete"]>(),
  resume: vi.fn<NonNullable<ResourceOps<WidgetSpec>["resume"]>>(),
};
const widgetDefinition = defineResource({ kind: KIND, spec: widgetSpec, refine: refineWidget, upgrade: upgradeWidget, ops });
const prop = (key: keyof WidgetSpec) => widgetSpec[key] as InputProp;

describe("derived types (checked by tsc)", () => {
  type Args = ArgsOf<WidgetSpec>;
  type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

  it("ArgsOf: every input, required exactly where its zod type refuses undefined, outputs excluded", () => {
    expectTypeOf<keyof Args>().toEqualTypeOf<"name" | "kind" | "size" | "mode" | "url" | "home" | "zone" | "token" | "adopt" | "extra" | "retries">();
    expectTypeOf<RequiredKeys<Args>>().toEqualTypeOf<"name" | "kind">();
    // Every level takes plain values, promises and Outputs.
    expectTypeOf<pulumi.Output<string>>().toExtend<Args["name"]>();
    expectTypeOf<"big">().toExtend<Args["kind"]>();
    expectTypeOf<"medium">().not.toExtend<Args["kind"]>();
    expectTypeOf<Promise<number>>().toExtend<Args["size"]>();
    expectTypeOf<{ depth: pulumi.Output<number>; tags: pulumi.Output<string>[] }>().toExtend<Args["extra"]>();
    expectTypeOf<{ depth: string }>().not.toExtend<Args["extra"]>();
    // @ts-expect-error kind is required
    const missingKind: Args = { name: "w" };
    // @ts-expect-error a mistyped key is refused by the compiler too
    const typo: Args = { name: "w", kind: "big", sise: 2 };
    // @ts-expect-error an output is not an argument
    const outputAsArg: Args = { name: "w", kind: "big", uid: "u" };
    expect([missingKind, typo, outputAsArg]).toHaveLength(3);
  });

  it("OutputsOf: an Output for every property; InputsOf: parsed values, zod defaults applied", () => {
    type Outs = OutputsOf<WidgetSpec>;
    expectTypeOf<Outs["uid"]>().toEqualTypeOf<pulumi.Output<string>>();
    expectTypeOf<Outs["size"]>().toEqualTypeOf<pulumi.Output<number | undefined>>();
    expectTypeOf<Outs["retries"]>().toEqualTypeOf<pulumi.Output<number>>();
    type Ins = InputsOf<WidgetSpec>;
    expectTypeOf<keyof Ins>().toEqualTypeOf<keyof Args>();
    expectTypeOf<Ins["retries"]>().toEqualTypeOf<number>();
    expectTypeOf<Ins["size"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Ins["kind"]>().toEqualTypeOf<"small" | "big">();
    // Run-time witness that the spec still has what the types above describe.
    expect(Object.keys(widgetSpec)).toHaveLength(13);
  });
});

describe("key lists", () => {
  it("inputKeys, allKeys and secretKeys follow the spec's order and roles", () => {
    expect(inputKeys(widgetSpec)).toEqual(["name", "kind", "size", "mode", "url", "home", "zone", "token", "adopt", "extra", "retries"]);
    expect(allKeys(widgetSpec)).toEqual([...inputKeys(widgetSpec), "uid", "secretOut"]);
    expect(secretKeys(widgetSpec)).toEqual(["token", "secretOut"]);
    expect(inputProps(widgetSpec).map(([k]) => k)).toEqual(inputKeys(widgetSpec));
  });
});

describe("comparable: the value an input compares as", () => {
  const rows: Array<{ name: string; key: keyof WidgetSpec; value: unknown; props: Props; expected: unknown }> = [
    { name: "unset takes the constant default", key: "size", value: undefined, props: {}, expected: 1 },
    { name: "a set value is kept", key: "size", value: 4, props: {}, expected: 4 },
    { name: "a function default sees the other inputs (big)", key: "mode", value: undefined, props: { kind: "big" }, expected: "b" },
    { name: "a function default sees the other inputs (small)", key: "mode", value: undefined, props: { kind: "small" }, expected: "a" },
    { name: "the canonical form applies", key: "url", value: "HTTP://Host.Example/", props: {}, expected: "http://host.example" },
    { name: "no default: unset stays unset", key: "home", value: undefined, props: {}, expected: undefined },
  ];
  it.each(rows)("$name", ({ key, value, props, expected }) => expect(comparable(prop(key), value, props)).toEqual(expected));
});

describe("planFromSpec", () => {
  const olds: Props = { name: "w", kind: "small", url: "http://h.example", home: "h1", zone: "z1", token: "t1", adopt: false, extra: { depth: 1 }, uid: "u-1", stateVersion: 2 };
  const news: Props = { name: "w", kind: "small", url: "http://h.example", home: "h1", token: "t1" };
  type Row = { name: string; olds?: Props; news: Props; replaces: string[]; updates: string[]; changes: boolean };
  const rows: Row[] = [
    { name: "same inputs (defaults, serverChosen and outputs left out)", news: { ...news, extra: { depth: 1 } }, replaces: [], updates: [], changes: false },
    { name: "removing an update-kind input is a change", news, replaces: [], updates: ["extra"], changes: true },
    { name: "update-kind change", news: { ...news, extra: { depth: 1 }, name: "w2" }, replaces: [], updates: ["name"], changes: true },
    { name: "replace-kind change", news: { ...news, extra: { depth: 1 }, kind: "big" }, replaces: ["kind"], updates: ["mode"], changes: true },
    { name: "local change is an update", news: { ...news, extra: { depth: 1 }, token: "t2" }, replaces: [], updates: ["token"], changes: true },
    { name: "create-only change is ignored", news: { ...news, extra: { depth: 1 }, adopt: true }, replaces: [], updates: [], changes: false },
    { name: "explicit default equals unset", news: { ...news, extra: { depth: 1 }, size: 1, mode: "a" }, replaces: [], updates: [], changes: false },
    { name: "state holding the server default equals unset input", olds: { ...olds, size: 1, mode: "a" }, news: { ...news, extra: { depth: 1 } }, replaces: [], updates: [], changes: false },
    { name: "function default follows the new side's inputs", olds: { ...olds, kind: "big", mode: "b" }, news: { ...news, extra: { depth: 1 }, kind: "big" }, replaces: [], updates: [], changes: false },
    { name: "canonical forms equal", news: { ...news, extra: { depth: 1 }, url: "HTTP://H.EXAMPLE/" }, replaces: [], updates: [], changes: false },
    { name: "canonical forms differ", news: { ...news, extra: { depth: 1 }, url: "http://other.example" }, replaces: ["url"], updates: [], changes: true },
    { name: "key order inside objects does not matter", olds: { ...olds, extra: { tags: ["x"], depth: 1 } }, news: { ...news, extra: { depth: 1, tags: ["x"] } }, replaces: [], updates: [], changes: false },
    { name: "unknown update-kind value: update", news: { ...news, extra: { depth: 1 }, size: UNKNOWN }, replaces: [], updates: ["size"], changes: true },
    { name: "unknown replace-kind value: update, not replace", news: { ...news, extra: { depth: 1 }, url: UNKNOWN }, replaces: [], updates: ["url"], changes: true },
    { name: "unknown inside an object: update", news: { ...news, extra: { depth: UNKNOWN } }, replaces: [], updates: ["extra"], changes: true },
    { name: "unknown with whenUnknown replace: replace", news: { ...news, extra: { depth: 1 }, home: UNKNOWN }, replaces: ["home"], updates: [], changes: true },
    { name: "unknown create-only value: nothing", news: { ...news, extra: { depth: 1 }, adopt: UNKNOWN }, replaces: [], updates: [], changes: false },
    { name: "serverChosen set to another value: replace", news: { ...news, extra: { depth: 1 }, zone: "z2" }, replaces: ["zone"], updates: [], changes: true },
    { name: "serverChosen set to the same value: nothing", news: { ...news, extra: { depth: 1 }, zone: "z1" }, replaces: [], updates: [], changes: false },
    { name: "updates come in spec order", news: { ...news, extra: { depth: 2 }, token: "t2", size: 3, name: "w2" }, replaces: [], updates: ["name", "size", "token", "extra"], changes: true },
    { name: "pending work alone is a change", olds: { ...olds, pendingWork: { operation: "create", step: "wait", reason: "timeout" } }, news: { ...news, extra: { depth: 1 } }, replaces: [], updates: [], changes: true },
  ];
  it.each(rows)("$name", (row) => {
    const plan = planFromSpec(widgetSpec, row.olds ?? olds, row.news);
    expect(plan).toEqual({ changes: row.changes, replaces: row.replaces, updates: row.updates, deleteBeforeReplace: false, resume: (row.olds ?? olds).pendingWork !== undefined });
  });

  it("a default computed from an unknown input never plans a replacement", () => {
    // Like the Cluster's cuType, whose default depends on the plan: an unknown plan must not replace.
    const spec = defineSpec({
      tier: input(z.string(), { change: "update" }),
      shape: input(z.string().optional(), { change: "replace", default: (p: Props) => (p.tier === "big" ? "square" : "round") }),
    });
    const plan = planFromSpec(spec, { tier: "big" }, { tier: UNKNOWN });
    expect(plan.replaces).toEqual([]);
    expect(plan.updates).toContain("tier");
  });
});

describe("settle", () => {
  const plan = (p: Partial<DiffPlan>): DiffPlan => ({ changes: true, replaces: [], updates: [], deleteBeforeReplace: false, resume: false, ...p });
  it("recomputes changes after keys moved or were dropped", () => {
    expect(settle(plan({ updates: [] })).changes).toBe(false);
    expect(settle(plan({ changes: false, updates: ["size"] })).changes).toBe(true);
    expect(settle(plan({ changes: false, resume: true })).changes).toBe(true);
  });
  it("keeps deleteBeforeReplace only while something replaces", () => {
    expect(settle(plan({ deleteBeforeReplace: true })).deleteBeforeReplace).toBe(false);
    expect(settle(plan({ deleteBeforeReplace: true, replaces: ["kind"] })).deleteBeforeReplace).toBe(true);
  });
});

describe("reconcileInputs: the stored inputs", () => {
  const written: Props = { name: "w", kind: "big", url: "HTTP://H.example/", token: "t" };
  type Row = { name: string; written?: Props; observed: Props; expected: Props };
  const rows: Row[] = [
    { name: "kept as written when the server agrees (canonical form)", observed: { name: "w", kind: "big", url: "http://h.example" }, expected: written },
    { name: "unset kept unset when the server reports the default", observed: { size: 1, mode: "b" }, expected: written },
    { name: "a function default (of kind small) equals the observed mode", written: { name: "w", kind: "small" }, observed: { kind: "small", mode: "a" }, expected: { name: "w", kind: "small" } },
    { name: "observed value on drift", observed: { name: "renamed", size: 4, url: "http://elsewhere" }, expected: { ...written, name: "renamed", size: 4, url: "http://elsewhere" } },
    { name: "a key the server does not report keeps the written value", observed: {}, expected: written },
    { name: "serverChosen unset stays unset", observed: { zone: "z9" }, expected: written },
    { name: "serverChosen set takes the observed value on drift", written: { ...written, zone: "z1" }, observed: { zone: "z2" }, expected: { ...written, zone: "z2" } },
    { name: "outputs and unknown keys are not inputs", observed: { uid: "u", other: 1 }, expected: written },
  ];
  it.each(rows)("$name", (row) => expect(reconcileInputs(widgetSpec, row.written ?? written, row.observed)).toEqual(row.expected));

  it("outputValues keeps the observed outputs only; writtenInputs drops outputs and bookkeeping", () => {
    expect(outputValues(widgetSpec, { name: "w", uid: "u", secretOut: undefined, other: 1 })).toEqual({ uid: "u" });
    expect(writtenInputs(widgetSpec, { name: "w", size: undefined, uid: "u", stateVersion: 2, pendingWork: {}, __provider: "x" })).toEqual({ name: "w" });
  });
});

describe("strict objects and check failures", () => {
  const schema = inputsSchema(widgetDefinition);
  const valid = { name: "w", kind: "small" };
  type Row = { name: string; inputs: Props; failures: Array<{ property: string; reason: RegExp }> };
  const rows: Row[] = [
    { name: "unknown top-level key: its path and the suggestion", inputs: { ...valid, sise: 2 }, failures: [{ property: "sise", reason: /unknown argument "sise".*did you mean "size"/ }] },
    { name: "unknown nested key: path.key and the suggestion", inputs: { ...valid, extra: { depth: 1, tagz: [] } }, failures: [{ property: "extra.tagz", reason: /unknown argument "tagz".*did you mean "tags"/ }] },
    { name: "two unknown keys: each with its own suggestion", inputs: { ...valid, sise: 2, tokn: "t" }, failures: [{ property: "sise", reason: /"sise".*did you mean "size"/ }, { property: "tokn", reason: /"tokn".*did you mean "token"/ }] },
    { name: "unknown key with nothing close: the known names", inputs: { ...valid, colour: "red" }, failures: [{ property: "colour", reason: /unknown argument "colour" \(known: name, kind, size/ }] },
    { name: "a property's own type", inputs: { ...valid, size: 0 }, failures: [{ property: "size", reason: /.+/ }] },
    { name: "a nested property's type", inputs: { ...valid, extra: { depth: 1.5 } }, failures: [{ property: "extra.depth", reason: /.+/ }] },
    { name: "a missing required input", inputs: { kind: "small" }, failures: [{ property: "name", reason: /.+/ }] },
    { name: "the resource's own rule", inputs: { ...valid, size: 11 }, failures: [{ property: "size", reason: /at most size 10/ }] },
    { name: "__provider is not an input", inputs: { ...valid, __provider: "text" }, failures: [] },
    { name: "unknown placeholders pass (scalar, enum, nested, refined)", inputs: { name: UNKNOWN, kind: UNKNOWN, size: UNKNOWN, extra: { depth: UNKNOWN } }, failures: [] },
    { name: "an unknown placeholder does not hide another property's failure", inputs: { name: "w", kind: UNKNOWN, size: 0 }, failures: [{ property: "size", reason: /.+/ }] },
  ];
  it.each(rows)("$name", ({ inputs, failures }) => {
    const r = validateInputs(schema, inputs);
    expect(r.failures).toHaveLength(failures.length);
    failures.forEach((f, i) => {
      expect(r.failures[i]!.property).toBe(f.property);
      expect(r.failures[i]!.reason).toMatch(f.reason);
    });
  });

  it("propertyPath formats members and indexes", () => {
    expect(propertyPath(["schema", "fields", 1, "dim"])).toBe("schema.fields[1].dim");
    expect(propertyPath([0, "a"])).toBe("[0].a");
    expect(propertyPath([])).toBe("");
  });
});

describe("closestName", () => {
  const rows: Array<[name: string, known: string[], expected: string | undefined]> = [
    ["cuSzie", ["cuSize", "cuType"], "cuSize"],
    ["cusize", ["cuType", "cuSize"], "cuSize"],
    ["isPrimaryKey", ["name", "isPrimary", "autoId"], "isPrimary"],
    ["colectionName", ["collectionName", "dbName"], "collectionName"],
    ["regionID", ["projectId", "regionId"], "regionId"],
    ["replicas", ["region", "replica"], "replica"],
    ["colour", ["clusterName", "plan"], undefined],
    ["anything", [], undefined],
  ];
  it.each(rows)("%s among %j → %s", (name, known, expected) => expect(closestName(name, known)).toBe(expected));

  it("editDistance counts a swap of neighbours as one edit", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("unknownKeyMessage suggests or lists", () => {
    expect(unknownKeyMessage("cuSzie", ["cuSize"])).toBe('unknown argument "cuSzie"; did you mean "cuSize"?');
    expect(unknownKeyMessage("zzz", ["cuSize", "plan"])).toBe('unknown argument "zzz" (known: cuSize, plan)');
  });
});

describe("state version", () => {
  beforeEach(() => void upgrades.splice(0));
  it("absent counts as 1 and is upgraded to the current version", () => {
    expect(stateVersionOf({})).toBe(1);
    expect(STATE_VERSION).toBe(2);
    expect(upgradeState({ name: "w", flavour: "b" }, upgradeWidget)).toEqual({ name: "w", mode: "b", stateVersion: 2 });
    expect(upgrades).toEqual([1]);
  });
  it("the current version is not upgraded again", () => {
    expect(upgradeState({ name: "w", stateVersion: 2 }, upgradeWidget)).toEqual({ name: "w", stateVersion: 2 });
    expect(upgrades).toEqual([]);
  });
  it("without an upgrade step only the version is stamped", () => {
    expect(upgradeState({ name: "w" }, undefined)).toEqual({ name: "w", stateVersion: 2 });
  });
  it("a newer version is an error asking to upgrade the package", () => {
    expect(() => upgradeState({ stateVersion: 3 }, upgradeWidget)).toThrow(/newer pulumi-zilliz \(state version 3.*up to 2\)/);
  });
});

describe("planOf: the spec's plan, then the resource's rules", () => {
  const base = { kind: "Plan", spec: widgetSpec, ops } as const;
  const olds: Props = { name: "w", kind: "small", uid: "u" };
  it("runs adjustPlan on the upgraded state, then settles", () => {
    const seen: Props[] = [];
    const def = defineResource({
      ...base,
      upgrade: upgradeWidget,
      // "token changes need nothing at all": the only update goes, so the plan has no changes left.
      adjustPlan: (plan, state) => {
        seen.push(state);
        plan.updates = plan.updates.filter((k) => k !== "token");
      },
    });
    const plan = planOf(def as unknown as ResourceDefinition, {}, { ...olds, flavour: "b" }, { name: "w", kind: "small", mode: "b", token: "t" });
    expect(seen[0]).toMatchObject({ mode: "b", stateVersion: 2 });
    expect(plan).toEqual({ changes: false, replaces: [], updates: [], deleteBeforeReplace: false, resume: false });
  });
  it("passes the config, and a refusal thrown by adjustPlan reaches the caller", () => {
    const def = defineResource({
      ...base,
      adjustPlan: (plan, _olds, _news, config) => {
        if (plan.replaces.length > 0 && config.allowDataLoss !== true) throw new Error(`refused: ${plan.replaces.join(", ")}`);
        plan.deleteBeforeReplace = true;
      },
    }) as unknown as ResourceDefinition;
    expect(() => planOf(def, {}, olds, { name: "w", kind: "big" })).toThrow("refused: kind");
    expect(planOf(def, { allowDataLoss: true }, olds, { name: "w", kind: "big" })).toMatchObject({ replaces: ["kind"], deleteBeforeReplace: true });
  });
  it("a state from a newer release is refused", () => {
    expect(() => planOf(base as unknown as ResourceDefinition, {}, { ...olds, stateVersion: 9 }, olds)).toThrow(/newer pulumi-zilliz/);
  });
});

describe("the runtime provider of a definition", () => {
  const registry = RESOURCES as Record<string, ResourceDefinition<Spec>>;
  let p: ZillizProvider;
  const providerText = providerModuleText(KIND);
  const written = { name: "w", kind: "small" as const, size: 3, token: "t" };
  const stored = { ...written, uid: "u-1", stateVersion: 2, __provider: providerText };
  const failure = <T>(promise: Promise<T>) => promise.then(() => new Error("unexpected success"), (e: unknown) => e);

  beforeAll(() => {
    // Test-only: serve the fake definition under its own kind, as the registry serves the real ones.
    registry[KIND] = widgetDefinition as unknown as ResourceDefinition<Spec>;
  });
  afterAll(() => {
    delete registry[KIND];
  });
  beforeEach(() => {
    for (const fn of Object.values(ops)) fn.mockReset();
    upgrades.splice(0);
    p = provider(KIND, { config: { apiKey: "configured" }, log: () => undefined });
  });

  it("check returns the inputs unchanged with failures by property; unknown placeholders pass", async () => {
    const news = { __provider: providerText, name: "w", kind: "small", size: 11 };
    const r = await p.check({}, news);
    expect(r.inputs).toBe(news);
    expect(r.failures).toEqual([{ property: "size", reason: "a small widget has at most size 10" }]);
    const preview = { __provider: providerText, name: UNKNOWN, kind: UNKNOWN, size: UNKNOWN, home: UNKNOWN, extra: { depth: UNKNOWN, tags: [UNKNOWN] } };
    expect(await p.check({}, preview)).toEqual({ inputs: preview, failures: [] });
  });

  it("diff ignores __provider and reports the plan's replaces", async () => {
    expect(await p.diff("id-1", stored, { ...written, __provider: "other text" })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(await p.diff("id-1", stored, { ...written, kind: "big" })).toEqual({ changes: true, replaces: ["kind"], deleteBeforeReplace: false });
    expect(await p.diff("id-1", { ...stored, pendingWork: { operation: "create", step: "wait", reason: "timeout" } }, written)).toMatchObject({ changes: true, replaces: [] });
  });

  it("create passes parsed inputs and stores them as written, with outputs and stateVersion", async () => {
    ops.create.mockResolvedValue({ id: "id-1", observed: { name: "w", size: 3, mode: "a", uid: "u-1", secretOut: "s" } });
    const r = await p.create({ __provider: providerText, ...written });
    // The zod default reaches the operation, not the stored state.
    expect(ops.create).toHaveBeenCalledWith(expect.objectContaining({ config: { apiKey: "configured" } }), { ...written, retries: 3 });
    expect(r).toEqual({ id: "id-1", outs: { ...written, uid: "u-1", secretOut: "s", stateVersion: 2 } });
  });

  it("create refuses invalid inputs before any operation", async () => {
    const e = (await failure(p.create({ name: "w", kind: "small", size: 0 }))) as Error;
    expect(e.message).toMatch(/^KernelWidget: invalid inputs: size: /);
    expect(ops.create).not.toHaveBeenCalled();
  });

  it("an IncompleteError becomes partial state with __provider, stateVersion, pendingWork and a message", async () => {
    ops.create.mockRejectedValue(new IncompleteError("id-1", { size: 1, uid: "u-1" }, { operation: "create", step: "wait READY" }, new Error("timed out after 5 s")));
    const e = await failure(p.create({ __provider: providerText, ...written }));
    expect(e).toBeInstanceOf(PartialStateError);
    expect(isPartialState(e)).toBe(true);
    const partial = e as PartialStateError;
    expect(partial.id).toBe("id-1");
    expect(partial.message).toBe("timed out after 5 s");
    expect(partial.reasons).toEqual(["timed out after 5 s"]);
    // What was observed (size 1, not the 3 asked for), so the next diff plans the work again.
    expect(partial.properties).toEqual({
      ...written,
      size: 1,
      uid: "u-1",
      stateVersion: 2,
      pendingWork: { operation: "create", step: "wait READY", reason: "timed out after 5 s" },
      __provider: providerText,
    });
  });

  it("any other failure is rethrown as an Error, not as partial state", async () => {
    const boom = new Error("boom");
    ops.create.mockRejectedValueOnce(boom).mockRejectedValueOnce("plain text");
    expect(await failure(p.create(written))).toBe(boom);
    const e = await failure(p.create(written));
    expect(e).toBeInstanceOf(Error);
    expect(isPartialState(e)).toBe(false);
    expect((e as Error).message).toBe("plain text");
  });

  it("read: undefined (confirmed gone) becomes {}", async () => {
    ops.read.mockResolvedValue(undefined);
    expect(await p.read("id-1", stored)).toEqual({});
  });

  it("read returns the reconciled inputs and the full state, keeping pending work", async () => {
    ops.read.mockResolvedValue({ name: "w", size: 4, mode: "a", uid: "u-2" });
    const pendingWork = { operation: "update", step: "resize", reason: "timeout" };
    const r = await p.read("id-1", { ...stored, pendingWork });
    expect(ops.read.mock.calls[0]![2]).not.toHaveProperty("__provider");
    expect(r).toEqual({ id: "id-1", props: { ...written, size: 4, uid: "u-2", stateVersion: 2, pendingWork }, inputs: { ...written, size: 4 } });
  });

  it("read upgrades a 0.1.0 state (no stateVersion) for the ops, keeps the engine's inputs and the old version, and refuses a newer one", async () => {
    ops.read.mockImplementation(async (_ctx, _id, state) => ({ uid: String(state.uid) }));
    const { stateVersion: _v, ...old } = stored;
    const r = await p.read("id-1", { ...old, flavour: "b" });
    expect(upgrades).toEqual([1]);
    expect(ops.read.mock.calls[0]![2]).toMatchObject({ mode: "b", stateVersion: 2 });
    // A pre-kernel state mixed server-filled values into its inputs: no inputs are returned (the engine keeps
    // the program's), and the version stays until a create or update writes the inputs as written.
    expect(r.props).toEqual({ ...written, mode: "b", uid: "u-1", stateVersion: 1 });
    expect(r).not.toHaveProperty("inputs");
    expect(await failure(p.read("id-1", { ...stored, stateVersion: 3 }))).toHaveProperty("message", expect.stringMatching(/newer pulumi-zilliz/));
  });

  it("update applies the plan and stores the new inputs as written", async () => {
    ops.update.mockResolvedValue({ name: "w2", uid: "u-1" });
    const r = await p.update("id-1", stored, { __provider: providerText, ...written, name: "w2" });
    expect(ops.resume).not.toHaveBeenCalled();
    const [, id, olds, news, plan] = ops.update.mock.calls[0]!;
    expect([id, news]).toEqual(["id-1", { ...written, name: "w2", retries: 3 }]);
    expect(olds).toEqual({ ...written, uid: "u-1", stateVersion: 2 });
    expect(plan).toMatchObject({ changes: true, updates: ["name"], replaces: [] });
    expect(r).toEqual({ outs: { ...written, name: "w2", uid: "u-1", stateVersion: 2 } });
  });

  it("update on a state with pending work resumes it first, then plans from what the resume observed", async () => {
    const order: string[] = [];
    const pendingWork = { operation: "create", step: "wait READY", reason: "timed out" };
    ops.resume.mockImplementation(async () => (order.push("resume"), { size: 1, uid: "u-1" }));
    ops.update.mockImplementation(async () => (order.push("update"), { size: 3, uid: "u-1" }));
    const r = await p.update("id-1", { ...stored, pendingWork }, { __provider: providerText, ...written });
    expect(order).toEqual(["resume", "update"]);
    expect(ops.resume.mock.calls[0]![2]).toMatchObject({ pendingWork });
    expect(ops.resume.mock.calls[0]![3]).toEqual({ ...written, retries: 3 });
    const [, , olds, , plan] = ops.update.mock.calls[0]!;
    expect(olds).not.toHaveProperty("pendingWork");
    expect(olds).toMatchObject({ size: 1 });
    expect(plan).toMatchObject({ updates: ["size"], resume: false });
    expect(r.outs).toEqual({ ...written, uid: "u-1", stateVersion: 2 });
  });

  it("a resume that fails again is partial state again, and the update is not attempted", async () => {
    const pendingWork = { operation: "create", step: "wait READY", reason: "timed out" };
    ops.resume.mockRejectedValue(new IncompleteError("id-1", { uid: "u-1" }, { operation: "create", step: "wait READY" }, new Error("still CREATING")));
    const e = (await failure(p.update("id-1", { ...stored, pendingWork }, written))) as PartialStateError;
    expect(isPartialState(e)).toBe(true);
    expect(e.message).toBe("still CREATING");
    expect(e.properties).toMatchObject({ __provider: providerText, stateVersion: 2, pendingWork: { ...pendingWork, reason: "still CREATING" } });
    expect(ops.update).not.toHaveBeenCalled();
  });

  it("a failed update stores the old inputs reconciled with what was observed", async () => {
    ops.update.mockRejectedValue(new IncompleteError("id-1", { size: 2, uid: "u-1" }, { operation: "update", step: "resize" }, new Error("resize timed out")));
    const e = (await failure(p.update("id-1", stored, { ...written, size: 5, name: "w2" }))) as PartialStateError;
    expect(e.properties).toEqual({
      ...written,
      size: 2,
      uid: "u-1",
      stateVersion: 2,
      pendingWork: { operation: "update", step: "resize", reason: "resize timed out" },
      __provider: providerText,
    });
  });

  it("delete gets the upgraded state without __provider", async () => {
    ops.delete.mockResolvedValue(undefined);
    const { stateVersion: _v, ...old } = stored;
    await p.delete("id-1", old);
    expect(ops.delete.mock.calls[0]!.slice(1)).toEqual(["id-1", { ...written, uid: "u-1", stateVersion: 2 }]);
  });

  it("configure() replaces the environment's config, unless the test injected one", async () => {
    const fromEngine = provider(KIND, { log: () => undefined });
    await fromEngine.configure({ config: { get: (k: string) => ({ "zilliz:apiKey": "from-stack", "zilliz:allowDataLoss": "true" })[k] } } as never);
    ops.create.mockResolvedValue({ id: "id-1", observed: {} });
    await fromEngine.create(written);
    expect(ops.create.mock.calls[0]![0].config).toMatchObject({ apiKey: "from-stack", allowDataLoss: true });
    await p.configure({ config: { get: () => "ignored" } } as never);
    await p.create(written);
    expect(ops.create.mock.calls[1]![0].config).toEqual({ apiKey: "configured" });
  });
});
