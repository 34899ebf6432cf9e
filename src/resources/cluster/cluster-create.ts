/**
 * The create call of a Cluster, with what happens when it does not simply succeed: a lost answer is settled by
 * the shared outcome-unknown rule (a lookup by name and ownership mark), and a name that is taken is taken over
 * when the cluster there carries this resource's own mark (an interrupted run created it).
 */
import { isAlreadyExists, type ClusterSummary } from "../../client";
import { createOrFind, type Lookup } from "../shared/outcome-unknown";
import type { RuntimeContext } from "../shared/runtime-context";
import { autoscalingBody, canonicalAutoscaling, scalesCu } from "./cluster-autoscaling";
import { isOwnCluster, type MarkedClusterApi } from "./cluster-ownership";
import { DEFAULT_CU_TYPE, isDedicated, type ClusterInputs } from "./cluster-spec";

/** The new (or taken-over) cluster, with its credentials when the create answer carried them. */
export interface ClusterCreated {
  id: string;
  secrets: { username?: unknown; password?: unknown };
}

const takenOverNote = "its password was not received: wire data-plane resources with clusterId: cluster.id (they sign in with the API key)";

/** Creates the cluster, or finds the one this resource created before (see the module comment). */
export async function createOrTakeOver(ctx: RuntimeContext, zc: MarkedClusterApi, inputs: ClusterInputs, projectId: string): Promise<ClusterCreated> {
  const name = inputs.clusterName;
  const started = Date.now();
  const lookUp = async (): Promise<Lookup<ClusterSummary>> => {
    const found = await zc.findByName(name, projectId);
    if (!found) return { absent: true };
    if (await isOwnCluster(zc, found, inputs.ownerMark, inputs.plan === "Free" ? started : undefined)) return { found };
    return { unknowable: `a cluster named "${name}" exists (${found.clusterId}) but does not carry this resource's ownership mark` };
  };
  try {
    const outcome = await createOrFind(ctx, {
      what: `cluster "${name}"`,
      send: () =>
        zc.create(inputs.plan, {
          clusterName: name, projectId, regionId: inputs.regionId, cuType: inputs.cuType ?? DEFAULT_CU_TYPE,
          // With autoscaling.cu the size is left to the service (the API refuses both).
          cuSize: scalesCu(inputs) ? undefined : (inputs.cuSize ?? 1), replica: inputs.replica, labels: inputs.labels,
          ...(isDedicated(inputs.plan) && inputs.autoscaling !== undefined ? { autoscaling: autoscalingBody(canonicalAutoscaling(inputs.autoscaling), undefined) } : {}),
        }),
      lookUp,
      resendWhenAbsent: true,
      nextStep: `check the project's clusters; if "${name}" is the cluster this run created, set adopt: true on it for one \`pulumi up\` (then remove it); if there is none, run \`pulumi up\` again`,
    });
    if ("sent" in outcome) return { id: outcome.sent.clusterId, secrets: { username: outcome.sent.username, password: outcome.sent.password } };
    ctx.log(`cluster ${outcome.found.clusterId}: found after the lost answer; ${takenOverNote}`);
    return { id: outcome.found.clusterId, secrets: {} };
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
    // The name is taken: by this resource's own cluster (an interrupted run created it), or by someone else's.
    const found = await zc.findByName(name, projectId);
    if (found && (await isOwnCluster(zc, found, inputs.ownerMark))) {
      ctx.log(`cluster ${found.clusterId}: "${name}" carries this resource's ownership mark (an interrupted run created it); taking it over; ${takenOverNote}`);
      return { id: found.clusterId, secrets: {} };
    }
    throw new Error(`Cluster: a cluster named "${name}" already exists in project ${projectId} without this resource's ownership mark; set adopt: true to take it over, or choose another clusterName`);
  }
}
