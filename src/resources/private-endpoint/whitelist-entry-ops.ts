/**
 * PrivateEndpointWhitelistEntry operations (run time only). The Terraform resource never reads or deletes
 * its entry; here read lists the project's whitelist for the region (an entry removed outside the stack
 * drops out on refresh) and delete removes the entry and checks it is gone.
 */
import { isNotFound, type WhitelistEntry as EntryInfo, type ZillizClient } from "../../client";
import { cloudClient } from "../shared/cloud-client";
import { IncompleteError } from "../shared/partial-state";
import { projectRegionOf, type ProjectRegion } from "./project-region";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import type { RuntimeContext } from "../shared/runtime-context";
import { whitelistEntrySpec, type WhitelistEntryInputs, type WhitelistEntrySpec, type WhitelistEntryState } from "./whitelist-entry-spec";

const observe = (e: EntryInfo): Observed => ({ regionId: e.regionId, outerUserId: e.outerUserId, createTime: e.createTime ?? "" });

async function find(zc: ZillizClient, where: ProjectRegion, outerUserId: string): Promise<EntryInfo | undefined> {
  try {
    return (await zc.privateEndpoints.listWhitelist(where.projectId, { regionId: where.regionId })).find((e) => e.outerUserId === outerUserId && e.regionId === where.regionId);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function create(ctx: RuntimeContext, inputs: WhitelistEntryInputs) {
  const zc = cloudClient(ctx, inputs.regionId);
  // Adding an entry that is already there is harmless: an existing entry is taken over.
  await zc.privateEndpoints.addWhitelist(inputs.projectId, { regionId: inputs.regionId, outerUserId: inputs.outerUserId });
  try {
    const seen = await find(zc, inputs, inputs.outerUserId);
    if (!seen) throw new Error(`${inputs.outerUserId} was added but is not listed in project ${inputs.projectId}, region ${inputs.regionId}`);
    return { id: inputs.outerUserId, observed: observe(seen) };
  } catch (e) {
    throw new IncompleteError(inputs.outerUserId, {}, { operation: "create", step: "read back" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: WhitelistEntryState): Promise<Observed | undefined> {
  const where = projectRegionOf("PrivateEndpointWhitelistEntry", id, state);
  const seen = await find(cloudClient(ctx, where.regionId), where, state.outerUserId ?? id);
  return seen ? observe(seen) : undefined;
}

async function remove(ctx: RuntimeContext, id: string, state: WhitelistEntryState): Promise<void> {
  const where = projectRegionOf("PrivateEndpointWhitelistEntry", id, state);
  const zc = cloudClient(ctx, where.regionId);
  const outerUserId = state.outerUserId ?? id;
  try {
    await zc.privateEndpoints.deleteWhitelist(where.projectId, outerUserId, where.regionId);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  // The delete is checked, not assumed: an entry still listed fails the destroy (and stays in the stack).
  if (await find(zc, where, outerUserId)) throw new Error(`PrivateEndpointWhitelistEntry: ${outerUserId} is still on the whitelist of project ${where.projectId}, region ${where.regionId}, after the delete`);
}

const ops: ResourceOps<WhitelistEntrySpec> = {
  create,
  read,
  // Every property replaces: an update never reaches the server.
  update: async (ctx, id, olds) => (await read(ctx, id, olds)) ?? {},
  // A create that could not read the entry back: read it now, or fail again.
  resume: async (ctx, id, state) => {
    const seen = await read(ctx, id, state);
    if (!seen) throw new Error(`PrivateEndpointWhitelistEntry ${id} is not on the whitelist; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` adds it again`);
    return seen;
  },
  delete: remove,
};

/** The PrivateEndpointWhitelistEntry resource. */
export const whitelistEntryDefinition = defineResource({ kind: "PrivateEndpointWhitelistEntry", spec: whitelistEntrySpec, ops });
