/**
 * The Pulumi programs the benchmark compares: our stack (1 Cluster + N Collections + N CollectionIndexes wired
 * `clusterId: cluster.id`) and a stack of the same number of no-op dynamic resources.
 */
import { createRequire } from "node:module";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { repoRoot } from "./engine";

// The package as a user's program loads it (node_modules/pulumi-zilliz links to this checkout's dist/).
const zilliz = createRequire(path.join(repoRoot, "package.json"))("pulumi-zilliz") as Record<string, new (name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource & Record<string, any>>;

/** A tiny schema: the smallest collection that can carry a vector index. */
export const SCHEMA = {
  fields: [
    { name: "id", dataType: "Int64", isPrimary: true },
    { name: "vec", dataType: "FloatVector", dim: 8 },
  ],
};

/** 1 Cluster + N Collections + N HNSW indexes. */
export function oursProgram(n: number, clusterName: string): PulumiFn {
  return async () => {
    const cluster = new zilliz.Cluster!("cluster", { clusterName, plan: "Enterprise", regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 1 });
    for (let i = 0; i < n; i++) {
      const collection = new zilliz.Collection!(`c${i}`, { clusterId: cluster.id, collectionName: `c${i}`, schema: SCHEMA });
      new zilliz.CollectionIndex!(`i${i}`, {
        clusterId: cluster.id,
        collectionName: collection.collectionName,
        fieldName: "vec",
        indexType: "HNSW",
        metricType: "COSINE",
        params: { M: 16, efConstruction: 200 },
      });
    }
    return { clusterId: cluster.id };
  };
}

/** The baseline: a dynamic resource whose provider does nothing but echo its inputs. */
const noopProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `noop-${inputs.name}`, outs: inputs };
  },
  async read(id, props) {
    return { id, props };
  },
  async diff(_id, olds, news) {
    return { changes: JSON.stringify(olds) !== JSON.stringify(news) };
  },
  async delete() {
    return;
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string) {
    super(noopProvider, name, { name }, {});
  }
}

/**
 * The engine's floor for *our* inputs: no-op dynamic resources carrying exactly the inputs our program gives
 * (cluster settings, schema, index parameters) wired the same way (collections on `cluster.id`, each index on
 * its collection's name). Only the provider differs from ours, so the preview ratio ours / this is what
 * pulumi-zilliz itself adds; this / the 1-input no-op stack is what the inputs and wiring cost the engine.
 */
export function sameInputsNoopProgram(n: number): PulumiFn {
  return async () => {
    const cluster = new Shaped("cluster", { clusterName: "same-inputs", plan: "Enterprise", regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 1 });
    for (let i = 0; i < n; i++) {
      const collection = new Shaped(`c${i}`, { clusterId: cluster.id, collectionName: `c${i}`, schema: SCHEMA });
      new Shaped(`i${i}`, { clusterId: cluster.id, collectionName: collection.collectionName, fieldName: "vec", indexType: "HNSW", metricType: "COSINE", params: { M: 16, efConstruction: 200 } });
    }
    return {};
  };
}

/** A no-op dynamic resource with the given inputs, echoed as its outputs. */
class Shaped extends pulumi.dynamic.Resource {
  declare readonly collectionName: pulumi.Output<string>;
  constructor(name: string, inputs: Record<string, pulumi.Input<unknown>>) {
    super(noopProvider, name, { name, ...inputs }, {});
  }
}

/** `count` no-op dynamic resources (2N+1, the size of our stack). */
export function noopProgram(count: number): PulumiFn {
  return async () => {
    for (let i = 0; i < count; i++) new Noop(`r${i}`);
    return {};
  };
}

/** The lifecycle stack's desired state, changed between `up`s (see run.ts). */
export interface LifecycleDesired {
  cluster?: Record<string, unknown>;
  collection?: Record<string, unknown>;
  index?: Record<string, unknown>;
}

/** A program that declares whatever `desired()` says at each run. */
export function lifecycleProgram(desired: () => LifecycleDesired): PulumiFn {
  return async () => {
    const d = desired();
    if (!d.cluster) return {};
    const cluster = new zilliz.Cluster!("cluster", d.cluster);
    if (d.collection) {
      const collection = new zilliz.Collection!("docs", { clusterId: cluster.id, ...d.collection });
      if (d.index) new zilliz.CollectionIndex!("docs-vec", { clusterId: cluster.id, collectionName: collection.collectionName, ...d.index });
    }
    return { clusterId: cluster.id };
  };
}

/** `count` clusters (for the wait-latency probe). */
export function clustersProgram(count: number, prefix: string): PulumiFn {
  return async () => {
    for (let i = 0; i < count; i++) new zilliz.Cluster!(`w${i}`, { clusterName: `${prefix}-${i}`, plan: "Enterprise", regionId: "aws-us-west-2", cuSize: 1 });
    return {};
  };
}
