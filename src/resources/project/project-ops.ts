/** Project operations against the control plane v2 (run time only). */
import { isNotFound, ZillizClient, ZillizError, type Project as ProjectInfo } from "../../client";
import { cloudClient } from "../shared/cloud-client";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import { errorText, type RuntimeContext } from "../shared/runtime-context";
import { adjustProjectPlan, canonicalRegions, DEFAULT_PROJECT_NAME, projectSpec, type ProjectInputs, type ProjectSpec, type ProjectState } from "./project-spec";


function observe(p: ProjectInfo): Observed {
  return {
    projectName: p.projectName,
    ...(p.plan !== undefined ? { plan: p.plan } : {}),
    ...(p.regionIds !== undefined ? { regionIds: p.regionIds } : {}),
    projectId: p.projectId,
    instanceCount: p.instanceCount ?? 0,
    createTime: p.createTime ?? "",
  };
}

async function findByName(zc: ZillizClient, name: string): Promise<ProjectInfo | undefined> {
  const matches = (await zc.projects.list()).filter((p) => p.projectName === name);
  if (matches.length > 1) throw new Error(`Project: ${matches.length} projects are named "${name}" (${matches.map((p) => p.projectId).join(", ")}); use Project.get with the id instead`);
  return matches[0];
}

/**
 * The project, or undefined when it is gone. A describe of an unknown project may answer a permission
 * code instead of not-found (zilliz-local: 96012), so a refusal is checked against the list before the
 * project is declared gone; one call when it exists.
 */
async function describe(zc: ZillizClient, projectId: string): Promise<ProjectInfo | undefined> {
  try {
    return await zc.projects.describe(projectId);
  } catch (e) {
    if (!isNotFound(e) && !(ZillizError.isZillizError(e) && e.kind === "permission_denied")) throw e;
    if (!(await zc.projects.list()).some((p) => p.projectId === projectId)) return undefined;
    throw e;
  }
}

/** Upgrades the plan and adds the missing regions (the two in-place changes the API has). */
async function converge(zc: ZillizClient, id: string, current: ProjectInfo, inputs: ProjectInputs, step: { now: string }): Promise<void> {
  if (current.plan !== inputs.plan) {
    step.now = `plan ${inputs.plan}`;
    try {
      await zc.projects.upgradePlan(id, inputs.plan);
    } catch (e) {
      throw new Error(`Project "${inputs.projectName}" (${id}): the service refused the plan change ${current.plan ?? "?"} → ${inputs.plan}: ${errorText(e)}`);
    }
  }
  const have = new Set(current.regionIds ?? []);
  const missing = (canonicalRegions(inputs.regionIds ?? []) as string[]).filter((r) => !have.has(r));
  if (missing.length > 0) {
    step.now = `add regions ${missing.join(", ")}`;
    await zc.projects.addRegions(id, missing);
  }
}

async function create(ctx: RuntimeContext, inputs: ProjectInputs) {
  const zc = cloudClient(ctx);
  const name = inputs.projectName;
  let id: string;
  const existing = inputs.adopt === true ? await findByName(zc, name) : undefined;
  if (existing) {
    id = existing.projectId;
    ctx.log(`project ${id}: adopting the existing project "${name}"`);
  } else {
    if (inputs.adopt !== true && (await findByName(zc, name))) {
      // Names are not documented as unique; refusing a second one keeps adopt and lost-answer recovery exact.
      throw new Error(`Project: a project named "${name}" already exists; set adopt: true to take it over, or choose another projectName`);
    }
    const outcome = await createOrFind<{ projectId: string }, ProjectInfo>(ctx, {
      what: `project "${name}"`,
      send: () => zc.projects.create({ projectName: name, plan: inputs.plan, ...(inputs.regionIds ? { regionIds: inputs.regionIds } : {}) }),
      // The name was free just before the create (checked above), so a project of that name now is the lost request's.
      lookUp: async () => {
        const found = await findByName(zc, name);
        return found ? { found } : { absent: true };
      },
      // Names are not documented as unique on the server: a late first request could still make a second one.
      resendWhenAbsent: false,
      nextStep: `look at the organisation's projects; if "${name}" is there, set adopt: true for one \`pulumi up\`, otherwise run \`pulumi up\` again`,
    });
    id = "sent" in outcome ? outcome.sent.projectId : outcome.found.projectId;
  }
  // From here on the project exists: whatever fails keeps it in the stack.
  const step = { now: "describe" };
  try {
    const now = await zc.projects.describe(id);
    await converge(zc, id, now, inputs, step);
    return { id, observed: observe(await zc.projects.describe(id)) };
  } catch (e) {
    const now = await zc.projects.describe(id).catch(() => undefined);
    throw new IncompleteError(id, now ? observe(now) : { projectId: id }, { operation: "create", step: step.now }, e);
  }
}

async function read(ctx: RuntimeContext, id: string): Promise<Observed | undefined> {
  const p = await describe(cloudClient(ctx), id);
  return p ? observe(p) : undefined;
}

async function update(ctx: RuntimeContext, id: string, _olds: ProjectState, news: ProjectInputs): Promise<Observed> {
  const zc = cloudClient(ctx);
  const now = await describe(zc, id);
  if (!now) throw new Error(`Project: project ${id} no longer exists; run \`pulumi refresh\` to drop it from the stack`);
  const step = { now: "describe" };
  try {
    await converge(zc, id, now, news, step);
  } catch (e) {
    const seen = await zc.projects.describe(id).catch(() => undefined);
    throw new IncompleteError(id, seen ? observe(seen) : {}, { operation: "update", step: step.now }, e);
  }
  return observe(await zc.projects.describe(id));
}

async function remove(ctx: RuntimeContext, id: string, state: ProjectState): Promise<void> {
  const zc = cloudClient(ctx);
  const now = await describe(zc, id);
  if (!now) return;
  if (now.projectName === DEFAULT_PROJECT_NAME) {
    ctx.log(`project ${id}: "${DEFAULT_PROJECT_NAME}" is only released from the stack, never deleted`);
    return;
  }
  try {
    await zc.projects.delete(id);
  } catch (e) {
    if (isNotFound(e)) return;
    const clusters = now.instanceCount ? ` It holds ${now.instanceCount} cluster(s): delete them (or move them out of the stack) first.` : "";
    throw new Error(`Project "${String(state.projectName ?? now.projectName)}" (${id}): the service refused the delete: ${errorText(e)}.${clusters}`);
  }
}

// A create that failed mid-way (plan, regions): the update finishes it, as it compares with the server.
const ops: ResourceOps<ProjectSpec> = { create, read, update, delete: remove, resume: (ctx, id, state, news) => update(ctx, id, state, news) };

/** The Project resource. */
export const projectDefinition = defineResource({ kind: "Project", spec: projectSpec, adjustPlan: adjustProjectPlan, ops });
