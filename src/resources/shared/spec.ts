/**
 * The declarative spec of a resource: one table of its properties, from which everything else is derived
 * (the Args and output types of the class, the output list, the stored-input keys, `check`, the diff plan,
 * the inputs `read` returns, partial state). Adding a property to a resource is one line in its spec.
 *
 * Each entry's TSDoc comment is the argument's documentation: the Args and output types are homomorphic
 * mapped types over the spec, so editors show that comment on `ClusterArgs.cuSize` and `cluster.cuSize`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/**
 * How a change of an input reaches the server:
 * - `update`: applied in place by the resource's update;
 * - `replace`: needs a new object (the engine replaces the resource);
 * - `local`: only changes how the provider works (a deadline, a token); stored, never sent;
 * - `create-only`: read once at create (e.g. `adopt`); later changes are ignored.
 */
export type ChangeKind = "update" | "replace" | "local" | "create-only";

/** What the new (inputs) or old (state) side of a comparison holds, for defaults that depend on others. */
export type Props = Record<string, unknown>;

/** One input property. */
export interface InputProp<T extends z.ZodType = z.ZodType> {
  readonly role: "input";
  /** The zod type `check` validates it with (optional types make the argument optional). */
  readonly type: T;
  readonly change: ChangeKind;
  /** Stored encrypted, and wrapped as a secret when given as plain text. */
  readonly secret?: boolean;
  /**
   * The server's value when the input is unset (a number, or a function of the other inputs). An unset
   * input and its default compare equal, so a server default never shows as a change.
   */
  readonly default?: unknown | ((props: Props) => unknown);
  /**
   * Unset means "whatever the server chose": leaving it out never counts as a change, and `read` keeps it
   * unset (e.g. a project resolved at create, shards chosen by the server). Naming a value later plans an
   * update that checks, when applied, that the server has that value (a `replace` property that differs
   * then fails naming the property, instead of replacing on a guess).
   */
  readonly serverChosen?: boolean;
  /** The canonical form two values are compared in (after the default is applied), e.g. lower-cased URLs. */
  readonly canonical?: (value: unknown, props: Props) => unknown;
  /**
   * What an unknown value (preview's placeholder) plans: `update` (default: the engine diffs again with the
   * real value at apply time and replaces only if it really moved) or `replace` (an unknown value can only
   * mean the object it names is being replaced, e.g. `clusterId: cluster.id`, or an index's
   * `collectionName` while the collection is replaced; the engine also asks this when it replaces a
   * resource delete-first, to learn which dependants go with it).
   */
  readonly whenUnknown?: "update" | "replace";
  /**
   * Set by the resource class itself, never by the program (absent from the Args type): the class computes
   * it from the resource's identity (see {@link hiddenInput}).
   */
  readonly hidden?: boolean;
  /** For a hidden input: its value, computed in the program from the resource's identity. */
  readonly fill?: (identity: ResourceIdentity) => unknown;
}

/** What a resource class knows about the resource it registers (the URN is not given to dynamic providers). */
export interface ResourceIdentity {
  kind: string;
  name: string;
  project: string;
  stack: string;
}

/** One output-only property (computed by the server). `T` is its TypeScript type in the class. */
export interface OutputProp<T = unknown> {
  readonly role: "output";
  readonly secret?: boolean;
  /** Phantom: carries `T` to the derived output type. */
  readonly __type?: T;
}

export type Prop = InputProp | OutputProp;
/** A resource's property table. */
export type Spec = Record<string, Prop>;

/** An input property; options say how a change reaches the server. */
export function input<T extends z.ZodType>(type: T, options: Omit<InputProp<T>, "role" | "type">): InputProp<T> {
  return { role: "input", type, ...options };
}

/**
 * An input the resource class fills in (`fill`), left out of the Args type: the program never writes it, yet it
 * is validated, stored and diffed like any input (a `create-only` one never plans a change).
 */
export function hiddenInput<T extends z.ZodType>(type: T, options: Omit<InputProp<T>, "role" | "type" | "hidden">): InputProp<T> & { readonly hidden: true } {
  return { role: "input", type, ...options, hidden: true };
}

/** An output-only property of TypeScript type `T`. */
export function output<T>(options: { secret?: boolean } = {}): OutputProp<T> {
  return { role: "output", ...options };
}

/** Identity with the spec's literal type kept (so the TSDoc of each entry survives into derived types). */
export function defineSpec<S extends Spec>(spec: S): S {
  return spec;
}

type InputKeyOf<S extends Spec> = { [K in keyof S]: S[K] extends InputProp ? K : never }[keyof S];
type RequiredKeyOf<S extends Spec> = {
  [K in keyof S]: S[K] extends { hidden: true } ? never : S[K] extends InputProp<infer T> ? (undefined extends z.input<T> ? never : K) : never;
}[keyof S];
type HiddenKeyOf<S extends Spec> = { [K in keyof S]: S[K] extends { hidden: true } ? K : never }[keyof S];

/** `T` with every level accepting a `pulumi.Input` (nested objects and arrays too). */
export type DeepInput<T> = T extends string | number | boolean | null | undefined
  ? pulumi.Input<T>
  : T extends ReadonlyArray<infer U>
    ? pulumi.Input<DeepInput<U>[]>
    : T extends object
      ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
      : pulumi.Input<T>;

type InputTypes<S extends Spec> = { [K in keyof S]: S[K] extends InputProp<infer T> ? DeepInput<Exclude<z.input<T>, undefined>> : never };
type OutputTypes<S extends Spec> = {
  [K in keyof S]: S[K] extends InputProp<infer T> ? pulumi.Output<z.output<T>> : S[K] extends OutputProp<infer O> ? pulumi.Output<O> : never;
};

/** The constructor arguments of a resource: each input, optional where its zod type is. */
export type ArgsOf<S extends Spec> = Pick<InputTypes<S>, RequiredKeyOf<S>> & Partial<Pick<InputTypes<S>, Exclude<InputKeyOf<S>, RequiredKeyOf<S> | HiddenKeyOf<S>>>>;

/** The `Output` properties of a resource instance: every input and output of its spec. */
export type OutputsOf<S extends Spec> = Readonly<OutputTypes<S>>;

/** The plain values of a resource's inputs (after `check`). */
export type InputsOf<S extends Spec> = { [K in InputKeyOf<S>]: S[K] extends InputProp<infer T> ? z.output<T> : never };

/** The keys of the input properties, in spec order. */
export function inputKeys(spec: Spec): string[] {
  return Object.keys(spec).filter((k) => spec[k]!.role === "input");
}

/** Every property key (inputs and outputs), in spec order. */
export function allKeys(spec: Spec): string[] {
  return Object.keys(spec);
}

/** The hidden inputs (filled by the resource class), with their fill functions. */
export function hiddenInputs(spec: Spec): Array<[string, InputProp]> {
  return inputProps(spec).filter(([, prop]) => prop.hidden === true && prop.fill !== undefined);
}

/** The keys stored encrypted. */
export function secretKeys(spec: Spec): string[] {
  return Object.keys(spec).filter((k) => spec[k]!.secret === true);
}

/** The input properties, typed. */
export function inputProps(spec: Spec): Array<[string, InputProp]> {
  return Object.entries(spec).filter((e): e is [string, InputProp] => e[1].role === "input");
}

/** True when every key is a `local` input (a change the server never hears of). */
export function onlyLocal(spec: Spec, keys: readonly string[]): boolean {
  return keys.every((k) => {
    const prop = spec[k];
    return prop?.role === "input" && prop.change === "local";
  });
}

/** The value an input compares as: its default applied when unset, then its canonical form. */
export function comparable(prop: InputProp, value: unknown, props: Props): unknown {
  const withDefault = value !== undefined ? value : typeof prop.default === "function" ? (prop.default as (p: Props) => unknown)(props) : prop.default;
  return prop.canonical ? prop.canonical(withDefault, props) : withDefault;
}
