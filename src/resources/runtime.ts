/**
 * `pulumi-zilliz/runtime`: the implementation the thin `__provider` module loads in the provider process
 * (`require("pulumi-zilliz/runtime").provider(kind)`). Everything with weight (zod, the REST client,
 * credentials) lives here and is loaded at run time, so none of it is ever serialised into state.
 *
 * Every engine call goes through the same derivations from the resource's spec: check validates with the
 * derived schema, diff plans from the spec, the stored state is composed from the inputs as written and what
 * the server reports, and any failure after the object exists becomes partial state that `destroy` can load.
 */
import type * as pulumi from "@pulumi/pulumi";
import { RESOURCES } from "./registry";
import { DATA_PLANE_ENDPOINT_KEY, knownEndpoint, targetOf } from "./shared/data-plane-target";
import { validateInputs } from "./shared/check-inputs";
import { inputsSchema } from "./shared/derive-schema";
import { IncompleteError, PartialStateError, pendingWork } from "./shared/partial-state";
import { planFromSpec, settle, type DiffPlan } from "./shared/plan";
import { pulumiProgress } from "./shared/progress-log";
import { readProviderConfig, type ConfigSource, type ProviderConfig } from "./shared/provider-config";
import { outputValues, reconcileInputs, writtenInputs } from "./shared/reconcile";
import { signsInWithApiKey, withCurrentCredentials } from "./shared/rotated-credentials";
import type { Observed, PendingWork, ResourceDefinition, StateOf } from "./shared/resource-definition";
import type { RuntimeContext } from "./shared/runtime-context";
import { comparable, onlyLocal, type InputsOf, type Props, type Spec } from "./shared/spec";
import { stableEqual } from "./shared/stable-equal";
import { STATE_VERSION, STATE_VERSION_KEY, stateVersionOf, upgradeState } from "./shared/state-version";
import { providerModuleText } from "./shared/zilliz-dynamic-resource";

/** Options for {@link provider} (tests inject config and a logger; the engine passes none). */
export interface ProviderOptions {
  config?: ProviderConfig;
  log?: (message: string) => void;
  pollIntervalMs?: number;
}

/** The engine-facing provider of one kind, with its own configuration. */
export type ZillizProvider = Required<Pick<pulumi.dynamic.ResourceProvider, "check" | "diff" | "create" | "read" | "update" | "delete" | "configure">>;

function definitionOf(kind: string): ResourceDefinition {
  const def = RESOURCES[kind];
  if (!def) throw new Error(`pulumi-zilliz: unknown resource kind "${kind}" (known: ${Object.keys(RESOURCES).join(", ")})`);
  return def as unknown as ResourceDefinition;
}

function strip(props: Props | undefined): Props {
  const { __provider: _p, ...rest } = props ?? {};
  return rest;
}

/** The diff plan of a definition: derived from the spec, then the resource's own rules. */
export function planOf(def: ResourceDefinition, config: ProviderConfig, olds: Props, news: Props): DiffPlan {
  const state = upgradeState(olds, def.upgrade) as StateOf<Spec>;
  const plan = planFromSpec(def.spec, state, news);
  def.adjustPlan?.(plan, state, news, config);
  return settle(plan);
}

/**
 * A server-chosen setting the program now names (e.g. `projectId` added after create) was planned as an
 * update: if the server's value differs and the setting cannot change in place, fail naming it.
 */
function checkServerChosen(spec: Spec, plan: DiffPlan, olds: Props, news: Props, observed: Observed): void {
  for (const key of plan.updates) {
    const prop = spec[key];
    if (prop?.role !== "input" || !prop.serverChosen || prop.change !== "replace" || olds[key] !== undefined || !(key in observed)) continue;
    if (!stableEqual(comparable(prop, observed[key], observed), comparable(prop, news[key], news))) {
      throw new Error(`${key}: the server has ${JSON.stringify(observed[key])}, the program names ${JSON.stringify(news[key])}; changing it needs a new object. Remove ${key} (keeping the server's choice), or replace the resource with \`pulumi up --replace <urn>\`.`);
    }
  }
}

/**
 * Builds the provider the engine calls for `kind`. `configure()` stores the stack config (credentials,
 * control-plane URL); before it is called, the environment is used.
 */
export function provider(kind: string, options: ProviderOptions = {}): ZillizProvider {
  const def = definitionOf(kind);
  const ctx: RuntimeContext = { config: options.config ?? readProviderConfig(undefined), log: options.log ?? pulumiProgress, pollIntervalMs: options.pollIntervalMs };
  const providerText = providerModuleText(kind);

  /**
   * The full stored state: inputs as written reconciled with the server, outputs as observed (or as they
   * were, for what this operation did not look at), bookkeeping.
   */
  const compose = (written: Props, observed: Observed, pending?: PendingWork, previous: Props = {}): Props => ({
    ...reconcileInputs(def.spec, written, observed),
    ...outputValues(def.spec, previous),
    ...outputValues(def.spec, observed),
    ...endpointEntry(written, previous),
    [STATE_VERSION_KEY]: STATE_VERSION,
    ...(pending ? { pendingWork: pending } : {}),
  });

  /**
   * The data-plane URL of an object wired by `clusterId`, as this process knows it or the state kept it. A
   * state gets it at create: one stored without it (an older release) never gains it, since a refresh that
   * added it would report every such object as changed.
   */
  const endpointEntry = (written: Props, previous: Props): Props => {
    if (def.spec.clusterId?.role !== "input") return {};
    if (Object.keys(previous).length > 0 && !(DATA_PLANE_ENDPOINT_KEY in previous)) return {};
    const kept = previous.clusterId === written.clusterId ? previous[DATA_PLANE_ENDPOINT_KEY] : undefined;
    const url = knownEndpoint(ctx, targetOf(written)) ?? kept;
    return typeof url === "string" ? { [DATA_PLANE_ENDPOINT_KEY]: url } : {};
  };

  /** Runs an operation; a failure after the object exists is stored as partial state with `__provider`. */
  const guarded = async <T>(written: Props, fn: () => Promise<T>, previous: Props = {}): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof IncompleteError) {
        const properties = { ...compose(written, e.observed, pendingWork(e), previous), __provider: providerText };
        throw new PartialStateError(e.id, properties, [e.message]);
      }
      throw e instanceof Error ? e : new Error(String(e));
    }
  };

  const parse = (inputs: Props): InputsOf<Spec> => {
    const r = inputsSchema(def).safeParse(strip(inputs));
    if (!r.success) throw new Error(`${kind}: invalid inputs: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return r.data;
  };

  return {
    async configure(req) {
      if (options.config === undefined) ctx.config = readProviderConfig(req.config as ConfigSource);
    },
    async check(_olds, news) {
      const { failures } = validateInputs(inputsSchema(def), news);
      // The inputs go on unchanged (no defaults added): the diff handles defaults, so state stays as written.
      return { inputs: news, failures };
    },
    async diff(_id, olds, news) {
      const plan = planOf(def, ctx.config, strip(olds), strip(news));
      return { changes: plan.changes, replaces: plan.replaces, deleteBeforeReplace: plan.deleteBeforeReplace };
    },
    async create(inputs) {
      const written = strip(inputs);
      const typed = parse(written);
      const { id, observed } = await guarded(written, () => def.ops.create(ctx, typed));
      return { id, outs: compose(written, observed) };
    },
    async read(id, props) {
      const raw = strip(props);
      const state = upgradeState(raw, def.upgrade) as StateOf<Spec>;
      // refresh runs with the config stored at the last up: a rotated key is handled there.
      const observed = await withCurrentCredentials(ctx, signsInWithApiKey(raw), () => def.ops.read(ctx, id, state));
      // Only a confirmed not-found drops the resource from the stack; every other failure is thrown.
      if (observed === undefined) return {};
      const written = writtenInputs(def.spec, state);
      const outs = compose(written, observed, state.pendingWork, state);
      // A stored 0.1.0 state has its outputs; a `get()` passes only the target (and returns the inputs read).
      const stored = Object.entries(def.spec).some(([k, p]) => p.role === "output" && raw[k] !== undefined);
      if (stored && stateVersionOf(raw) < STATE_VERSION) {
        // A state from before the kernel stored server-filled values (a resolved project) among the inputs,
        // so its inputs as written are unknown here: the engine keeps the inputs it has, and the state keeps
        // its old version until the next create or update writes the inputs as the program gives them.
        return { id, props: { ...outs, [STATE_VERSION_KEY]: stateVersionOf(raw) } };
      }
      return { id, props: outs, inputs: reconcileInputs(def.spec, written, observed) };
    },
    async update(id, olds, news) {
      const stored = upgradeState(strip(olds), def.upgrade) as StateOf<Spec>;
      const written = writtenInputs(def.spec, stored);
      const typed = parse(news);
      let state = stored;
      if (stored.pendingWork !== undefined && def.ops.resume) {
        // A failed create or update left work undone: finish it first, or fail again honestly.
        const observed = await guarded(written, () => def.ops.resume!(ctx, id, stored, typed), stored);
        state = compose(written, observed, undefined, stored) as StateOf<Spec>;
      }
      const plan = planOf(def, ctx.config, state, strip(news));
      // Provider settings only (a deadline, a token): the server hears nothing.
      const observed = onlyLocal(def.spec, plan.updates) && !plan.resume ? {} : await guarded(writtenInputs(def.spec, state), () => def.ops.update(ctx, id, state, typed, plan), state);
      checkServerChosen(def.spec, plan, state, strip(news), observed);
      return { outs: compose(strip(news), observed, undefined, state) };
    },
    async delete(id, props) {
      const state = upgradeState(strip(props), def.upgrade) as StateOf<Spec>;
      // destroy runs with the config stored at the last up, as refresh does.
      await withCurrentCredentials(ctx, signsInWithApiKey(state), () => def.ops.delete(ctx, id, state));
    },
  };
}

/** The partial-state check, for callers that drive the provider directly (tests, tools). */
export { isPartialState, PartialStateError } from "./shared/partial-state";
