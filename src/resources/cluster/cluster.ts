import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { clusterSpec, type ClusterSpec } from "./cluster-spec";

/** Arguments of a {@link Cluster} (documented property by property in its spec). */
export type ClusterArgs = ArgsOf<ClusterSpec>;

/**
 * A Zilliz Cloud cluster (Free, Serverless or Dedicated), created through the control plane and awaited
 * until RUNNING. The id is the cluster id (`in01-…`). Data-plane resources target it with
 * `clusterId: cluster.id`, which stays known in a preview while the cluster is being resized or renamed.
 *
 * Adopting an existing cluster: `Cluster.get(name, "in01-…")` reads it into the stack, or
 * `new Cluster(name, { ..., adopt: true })` takes it over by name when its plan, region and cuType match.
 *
 * @example
 * const cluster = new Cluster("search", { clusterName: "search", plan: "Serverless", regionId: "gcp-us-west1" });
 * new Collection("docs", { clusterId: cluster.id, collectionName: "docs", schema: { fields } });
 */
export const Cluster = resourceClass<ClusterSpec>("Cluster", clusterSpec);
/** A {@link Cluster} instance. */
export type Cluster = ResourceInstance<ClusterSpec>;
