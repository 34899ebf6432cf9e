/**
 * `pulumi-zilliz/runtime`: the implementation the thin `__provider` module loads in the provider process
 * (`require("pulumi-zilliz/runtime").provider(kind)`). Everything with weight (zod, the REST client,
 * credentials) lives here and is loaded at run time, so none of it is ever serialised into state.
 */
import type * as pulumi from "@pulumi/pulumi";
import { clusterOps } from "./cluster/cluster-ops";
import { collectionOps } from "./collection/collection-ops";
import { indexOps } from "./collection-index/index-ops";
import { importJobOps } from "./import-job/import-job-ops";
import { validateInputs } from "./shared/check-inputs";
import { isPartialState } from "./shared/partial-state";
import { pulumiProgress } from "./shared/progress-log";
import { readProviderConfig, type ConfigSource, type ProviderConfig } from "./shared/provider-config";
import type { ResourceOps, RuntimeContext } from "./shared/runtime-context";

/** The resource kinds, as named in type tokens (`pulumi-nodejs:dynamic/zilliz:<kind>`). */
export const KINDS: Readonly<Record<string, ResourceOps>> = {
  Cluster: clusterOps,
  Collection: collectionOps,
  CollectionIndex: indexOps,
  ImportJob: importJobOps,
};

/** Options for {@link provider} (tests inject config and a logger; the engine passes none). */
export interface ProviderOptions {
  config?: ProviderConfig;
  log?: (message: string) => void;
  pollIntervalMs?: number;
}

/** The engine-facing provider of one kind, with its own configuration. */
export type ZillizProvider = Required<Pick<pulumi.dynamic.ResourceProvider, "check" | "diff" | "create" | "read" | "update" | "delete" | "configure">>;

function opsOf(kind: string): ResourceOps {
  const ops = KINDS[kind];
  if (!ops) throw new Error(`pulumi-zilliz: unknown resource kind "${kind}" (known: ${Object.keys(KINDS).join(", ")})`);
  return ops;
}

/**
 * Builds the provider the engine calls for `kind`. `configure()` stores the stack config (credentials,
 * control-plane URL); before it is called, the environment is used.
 */
export function provider(kind: string, options: ProviderOptions = {}): ZillizProvider {
  const ops = opsOf(kind);
  const ctx: RuntimeContext = { config: options.config ?? readProviderConfig(undefined), log: options.log ?? pulumiProgress, pollIntervalMs: options.pollIntervalMs };
  const strip = (props: Record<string, unknown>) => {
    const { __provider: _p, ...rest } = props ?? {};
    return rest;
  };
  return {
    async configure(req) {
      if (options.config === undefined) ctx.config = readProviderConfig(req.config as ConfigSource);
    },
    async check(_olds, news) {
      const { failures } = validateInputs(ops.schema, news);
      // The inputs go on unchanged (no defaults added): diff handles defaults, so state stays as written.
      return { inputs: news, failures };
    },
    async diff(_id, olds, news) {
      const plan = ops.plan(strip(olds), strip(news));
      return { changes: plan.changes, replaces: plan.replaces, deleteBeforeReplace: plan.deleteBeforeReplace };
    },
    async create(inputs) {
      return guard(async () => ops.create(ctx, strip(inputs)));
    },
    async read(id, props) {
      const r = await ops.read(ctx, id, strip(props ?? {}));
      return r.id === undefined ? {} : r;
    },
    async update(id, olds, news) {
      return guard(async () => ops.update(ctx, id, strip(olds), strip(news)));
    },
    async delete(id, props) {
      await ops.delete(ctx, id, strip(props));
    },
  };
}

// Partial-state rejections must reach the engine as they are; everything else is an ordinary error.
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isPartialState(e)) throw e;
    throw e instanceof Error ? e : new Error(String(e));
  }
}

/** The partial-state check, for callers that drive the provider directly (tests, tools). */
export { isPartialState } from "./shared/partial-state";
export type { PartialStateError } from "./shared/partial-state";
