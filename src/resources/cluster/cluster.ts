import * as pulumi from "@pulumi/pulumi";
import { propsBag, withSecretOutputs } from "../shared/resource-options";
import { ZillizDynamicResource } from "../shared/zilliz-dynamic-resource";

/** Arguments of a {@link Cluster}. */
export interface ClusterArgs {
  /**
   * Cluster name: letters, digits and hyphens (at most 32 characters with the v1 API). Unique per project.
   * Updates in place (rename).
   * @example "search-prod"
   */
  clusterName: pulumi.Input<string>;
  /**
   * `Free`, `Serverless`, or a Dedicated plan: `Standard`, `Enterprise`, `BusinessCritical`. Changing it replaces the cluster.
   * @example "Standard"
   */
  plan: pulumi.Input<"Free" | "Serverless" | "Standard" | "Enterprise" | "BusinessCritical">;
  /**
   * Cloud region id. Changing it replaces the cluster.
   * @example "gcp-us-west1"
   */
  regionId: pulumi.Input<string>;
  /**
   * Project id. Default: the project named "Default Project" (looked up at create). Setting a different id replaces the cluster.
   * @example "proj-4487580fcfe2c8a4391686"
   */
  projectId?: pulumi.Input<string>;
  /**
   * Dedicated only: `Performance-optimized` (default), `Capacity-optimized` or `Tiered-storage`. Changing it replaces the cluster.
   * @example "Capacity-optimized"
   */
  cuType?: pulumi.Input<"Performance-optimized" | "Capacity-optimized" | "Tiered-storage">;
  /**
   * Dedicated only: compute units, default 1. Updates in place (waits for RUNNING).
   * @example 2
   */
  cuSize?: pulumi.Input<number>;
  /**
   * Dedicated only: replicas, default 1 (cuSize × replica ≤ 1024). Updates in place (waits for RUNNING).
   * @example 2
   */
  replica?: pulumi.Input<number>;
  /**
   * Labels (string map). Updates in place.
   * @example { team: "search" }
   */
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * `RUNNING` (default) or `SUSPENDED` (Dedicated only). Updates in place: suspends or resumes and waits.
   * @example "SUSPENDED"
   */
  desiredStatus?: pulumi.Input<"RUNNING" | "SUSPENDED">;
  /**
   * Control-plane API version: `v2` (default) or the deprecated regional `v1` (no rename, labels or replica;
   * Standard/Enterprise only). Switching it only changes which API the provider calls.
   * @example "v1"
   */
  apiVersion?: pulumi.Input<"v1" | "v2">;
  /**
   * Deadline for each wait (create, resize, suspend, resume, delete), in seconds. Default 2700 (45 min).
   * Pulumi's `customTimeouts` never reach a dynamic provider, so this is the knob. Updates in place (no server call).
   * @example 3600
   */
  waitTimeoutSeconds?: pulumi.Input<number>;
  /**
   * Take over an existing cluster of the same name in the project instead of creating one, if its plan,
   * region, cuType, cuSize and replica match (otherwise create fails listing the differences). Its password
   * stays unknown to the stack. Only read at create.
   * @example true
   */
  adopt?: pulumi.Input<boolean>;
}

// Every property, so that `get()` (which passes no inputs) still creates each Output.
const OUTPUTS = ["clusterName", "plan", "regionId", "clusterId", "connectAddress", "privateLinkAddress", "status", "username", "password", "createTime", "projectId", "cuType", "cuSize", "replica", "labels", "desiredStatus", "apiVersion", "waitTimeoutSeconds", "adopt"] as const;

/**
 * A Zilliz Cloud cluster (Free, Serverless or Dedicated), created through the control plane v2 and
 * awaited until RUNNING. The id is the cluster id (`in01-…`).
 *
 * Adopting an existing cluster: `Cluster.get(name, "in01-…")` reads it into the stack, or
 * `new Cluster(name, { ..., adopt: true })` takes it over by name when its settings match.
 *
 * @example
 * const cluster = new Cluster("search", { clusterName: "search", plan: "Serverless", regionId: "gcp-us-west1" });
 * export const endpoint = cluster.connectAddress;
 */
export class Cluster extends ZillizDynamicResource {
  /** Cluster id, e.g. `in01-0123456789abcdef`. */
  declare readonly clusterId: pulumi.Output<string>;
  declare readonly clusterName: pulumi.Output<string>;
  declare readonly plan: pulumi.Output<string>;
  declare readonly regionId: pulumi.Output<string>;
  /** The project the cluster lives in (resolved when not given). */
  declare readonly projectId: pulumi.Output<string>;
  declare readonly cuType: pulumi.Output<string | undefined>;
  declare readonly cuSize: pulumi.Output<number | undefined>;
  declare readonly replica: pulumi.Output<number | undefined>;
  declare readonly labels: pulumi.Output<Record<string, string> | undefined>;
  /** The data-plane endpoint, the `endpoint` of collections and indexes. */
  declare readonly connectAddress: pulumi.Output<string>;
  declare readonly privateLinkAddress: pulumi.Output<string>;
  /** `RUNNING`, `SUSPENDED`, … as the server last reported it. */
  declare readonly status: pulumi.Output<string>;
  /** Database user created with the cluster. */
  declare readonly username: pulumi.Output<string>;
  /** Its password (secret). Only known for clusters this stack created. */
  declare readonly password: pulumi.Output<string>;
  declare readonly createTime: pulumi.Output<string>;

  constructor(name: string, args: ClusterArgs, opts?: pulumi.CustomResourceOptions) {
    super("Cluster", name, propsBag(args, OUTPUTS), withSecretOutputs(opts, ["password"]));
  }

  /**
   * Reads an existing cluster into the stack by id (`in01-…`). Nothing is created; the stack does not
   * manage it (use `adopt: true` for that).
   */
  static get(name: string, id: pulumi.Input<string>, state?: Partial<ClusterArgs>, opts?: pulumi.CustomResourceOptions): Cluster {
    return new Cluster(name, (state ?? {}) as ClusterArgs, { ...opts, id });
  }
}
