/**
 * ApiKey operations against the control plane v2 (run time only). The key's value appears in the create
 * answer only; it goes into the (secret) state and nowhere else: no log line, no error text carries it.
 */
import { collect, isNotFound, ZillizClient, type ApiKeyInfo, type ApiKeyRequest } from "../../client";
import { cloudClient } from "../shared/cloud-client";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import type { RuntimeContext } from "../shared/runtime-context";
import { stableEqual } from "../shared/stable-equal";
import { apiKeySpec, canonicalGrants, refineApiKey, type ApiKeyGrant, type ApiKeyInputs, type ApiKeySpec, type ApiKeyState } from "./api-key-spec";


/** The grants as the server reports them, in the input shape. */
function grantsOf(k: ApiKeyInfo): ApiKeyGrant[] {
  return k.projects.map((g) => ({
    projectId: g.projectId,
    role: g.role ?? "",
    allCluster: g.allCluster ?? g.clusters.length === 0,
    clusterIds: g.clusters.map((c) => c.clusterId),
    allVolume: g.allVolume ?? g.volumes.length === 0,
    volumeIds: g.volumes,
  }));
}

function observe(k: ApiKeyInfo): Observed {
  return {
    name: k.name,
    ...(k.orgRole !== undefined ? { orgRole: k.orgRole } : {}),
    projects: grantsOf(k),
    apiKeyId: k.apiKeyId,
    creatorName: k.creatorName ?? k.createdBy ?? "",
    createTime: k.createTime ?? "",
  };
}

/** The request body: every grant written out, so the server never guesses a default. */
function body(inputs: ApiKeyInputs): ApiKeyRequest {
  return { name: inputs.name, orgRole: inputs.orgRole, projects: canonicalGrants(inputs.projects) as ApiKeyRequest["projects"] };
}

async function describe(zc: ZillizClient, id: string): Promise<ApiKeyInfo | undefined> {
  try {
    return await zc.apiKeys.describe(id);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function findByName(zc: ZillizClient, name: string): Promise<ApiKeyInfo[]> {
  return (await collect(zc.apiKeys.list())).filter((k) => k.name === name);
}

/** Sets name, role and grants when the server's differ from the program's (one PUT at most). */
async function converge(zc: ZillizClient, id: string, current: ApiKeyInfo, inputs: ApiKeyInputs): Promise<ApiKeyInfo> {
  const same = current.name === inputs.name && current.orgRole === inputs.orgRole && stableEqual(canonicalGrants(grantsOf(current)), canonicalGrants(inputs.projects));
  if (same) return current;
  await zc.apiKeys.update(id, body(inputs));
  return (await describe(zc, id)) ?? current;
}

async function create(ctx: RuntimeContext, inputs: ApiKeyInputs) {
  const zc = cloudClient(ctx);
  if (inputs.adopt === true) {
    const found = await findByName(zc, inputs.name);
    if (found.length > 1) throw new Error(`ApiKey: ${found.length} keys are named "${inputs.name}" (${found.map((k) => k.apiKeyId).join(", ")}); use ApiKey.get with the id instead`);
    if (found.length === 1) {
      const id = found[0]!.apiKeyId;
      ctx.log(`api key ${id}: adopting the existing key "${inputs.name}" (its value is not known to the provider: apiKey stays "")`);
      try {
        return { id, observed: { ...observe(await converge(zc, id, (await zc.apiKeys.describe(id)), inputs)), apiKey: "" } };
      } catch (e) {
        const now = await describe(zc, id).catch(() => undefined);
        throw new IncompleteError(id, { ...(now ? observe(now) : { apiKeyId: id }), apiKey: "" }, { operation: "create", step: "set scopes" }, e);
      }
    }
  }
  const outcome = await createOrFind<{ apiKeyId: string; apiKey: string }, never>(ctx, {
    what: `api key "${inputs.name}"`,
    send: () => zc.apiKeys.create(body(inputs)),
    // A key whose value was never received is useless, and binding one found by name could take someone
    // else's: whatever the list shows, the provider cannot go on; it only tells the user which case it is.
    lookUp: async () =>
      (await findByName(zc, inputs.name)).length > 0
        ? { unknowable: `a key named "${inputs.name}" exists now, and its value is shown only in the lost answer` }
        : { absent: true },
    resendWhenAbsent: false,
    nextStep: `delete the key "${inputs.name}" in the console (or with the API) if it is there, then run \`pulumi up\` again`,
  });
  // The lookup never reports a found key, so only the create's own answer gets here.
  if (!("sent" in outcome)) throw new Error("ApiKey: a lost create answer cannot be recovered");
  const created = outcome.sent;
  const id = created.apiKeyId;
  // The value is held only here and in the returned state; it never reaches a log or an error message.
  try {
    const now = await zc.apiKeys.describe(id);
    return { id, observed: { ...observe(now), apiKey: created.apiKey } };
  } catch (e) {
    throw new IncompleteError(id, { apiKeyId: id, apiKey: created.apiKey }, { operation: "create", step: "describe" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: ApiKeyState): Promise<Observed | undefined> {
  const k = await describe(cloudClient(ctx), id);
  if (!k) return undefined;
  // A stored value is kept as it was (the server never shows it again); a key read by `get` has none: "".
  return { ...observe(k), ...(state.apiKey === undefined ? { apiKey: "" } : {}) };
}

async function update(ctx: RuntimeContext, id: string, _olds: ApiKeyState, news: ApiKeyInputs): Promise<Observed> {
  const zc = cloudClient(ctx);
  const now = await describe(zc, id);
  if (!now) throw new Error(`ApiKey: key ${id} no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` creates a new one (with a new value)`);
  return observe(await converge(zc, id, now, news));
}

async function remove(ctx: RuntimeContext, id: string): Promise<void> {
  try {
    await cloudClient(ctx).apiKeys.delete(id);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

const ops: ResourceOps<ApiKeySpec> = {
  create,
  read,
  update,
  delete: remove,
  // A create that failed after the key existed: describe and converge again; the stored value is kept.
  resume: async (ctx, id, state, news) => update(ctx, id, state, news),
};

/** The ApiKey resource. */
export const apiKeyDefinition = defineResource({ kind: "ApiKey", spec: apiKeySpec, refine: refineApiKey, ops });
