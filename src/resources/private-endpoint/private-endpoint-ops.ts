/**
 * PrivateEndpoint operations (run time only). Unlike the Terraform resource, read really reads (one list
 * call, filtered by region) and delete really deletes, then checks that the registration is gone.
 */
import { isAlreadyExists, isNotFound, waitFor, type PrivateEndpoint as EndpointInfo, type ZillizClient } from "../../client";
import { cloudClient } from "../shared/cloud-client";
import { IncompleteError } from "../shared/partial-state";
import { projectRegionOf, type ProjectRegion } from "./project-region";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { deadlineMs, type RuntimeContext } from "../shared/runtime-context";
import { DEFAULT_ENDPOINT_WAIT_SECONDS, privateEndpointSpec, refinePrivateEndpoint, type PrivateEndpointInputs, type PrivateEndpointSpec, type PrivateEndpointState } from "./private-endpoint-spec";

function observe(e: EndpointInfo): Observed {
  return {
    regionId: e.regionId,
    endpointId: e.endpointId,
    ...(e.gcpProjectId ? { gcpProjectId: e.gcpProjectId } : {}),
    cloudId: e.cloudId ?? e.regionId.split("-")[0] ?? "",
    endpointService: e.endpointService ?? "",
    status: e.endpointStatus ?? e.status ?? "",
  };
}

async function find(zc: ZillizClient, where: ProjectRegion, endpointId: string): Promise<EndpointInfo | undefined> {
  try {
    return (await zc.privateEndpoints.list(where.projectId, { regionId: where.regionId })).find((e) => e.endpointId === endpointId && e.regionId === where.regionId);
  } catch (e) {
    // The project is gone, and its registrations with it.
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function create(ctx: RuntimeContext, inputs: PrivateEndpointInputs) {
  const zc = cloudClient(ctx, inputs.regionId);
  try {
    await zc.privateEndpoints.register(inputs.projectId, { regionId: inputs.regionId, endpointId: inputs.endpointId, ...(inputs.gcpProjectId ? { gcpProjectId: inputs.gcpProjectId } : {}) });
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
    if (inputs.adopt !== true) throw new Error(`PrivateEndpoint: endpoint ${inputs.endpointId} is already registered in project ${inputs.projectId}, region ${inputs.regionId}; set adopt: true to take it over`);
    ctx.log(`private endpoint ${inputs.endpointId}: adopting the existing registration`);
  }
  // From here on the registration exists: a failure keeps it in the stack (the next up reads it again).
  try {
    const seen = await find(zc, inputs, inputs.endpointId);
    if (!seen) throw new Error(`endpoint ${inputs.endpointId} was registered but is not listed in project ${inputs.projectId}, region ${inputs.regionId}`);
    return { id: inputs.endpointId, observed: observe(seen) };
  } catch (e) {
    throw new IncompleteError(inputs.endpointId, {}, { operation: "create", step: "read back" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: PrivateEndpointState): Promise<Observed | undefined> {
  const where = projectRegionOf("PrivateEndpoint", id, state);
  const seen = await find(cloudClient(ctx, where.regionId), where, state.endpointId ?? id);
  return seen ? observe(seen) : undefined;
}

async function remove(ctx: RuntimeContext, id: string, state: PrivateEndpointState): Promise<void> {
  const where = projectRegionOf("PrivateEndpoint", id, state);
  const zc = cloudClient(ctx, where.regionId);
  const endpointId = state.endpointId ?? id;
  try {
    await zc.privateEndpoints.delete(where.projectId, endpointId, { regionId: where.regionId, ...(state.gcpProjectId ? { gcpProjectId: state.gcpProjectId } : {}) });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  // A delete is done when the registration is no longer listed, not when the call returned.
  await waitFor({
    poll: () => find(zc, where, endpointId),
    check: (e) => (e === undefined ? "done" : "pending"),
    timeoutMs: deadlineMs(state, DEFAULT_ENDPOINT_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `private endpoint ${endpointId} to be deleted`,
    onProgress: (e, ms) => ctx.log(`private endpoint ${endpointId}: ${e ? observe(e).status || "still listed" : "gone"}, waiting for deletion (${Math.round(ms / 1000)} s)`),
  });
}

const ops: ResourceOps<PrivateEndpointSpec> = {
  create,
  read,
  // Every server-side property replaces; only the deadline changes in place, which needs no call.
  update: async (ctx, id, olds) => (await read(ctx, id, olds)) ?? {},
  // A create that could not read the registration back: read it now, or fail again.
  resume: async (ctx, id, state) => {
    const seen = await read(ctx, id, state);
    if (!seen) throw new Error(`PrivateEndpoint ${id} is not registered; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` registers it again`);
    return seen;
  },
  delete: remove,
};

/** The PrivateEndpoint resource. */
export const privateEndpointDefinition = defineResource({ kind: "PrivateEndpoint", spec: privateEndpointSpec, refine: refinePrivateEndpoint, ops });
