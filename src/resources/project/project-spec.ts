/** The Project's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import type { DiffPlan } from "../shared/plan";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf, type Props } from "../shared/spec";

/** Project plans in upgrade order: a move to an earlier one is a downgrade, which the service refuses. */
export const PROJECT_PLANS = ["Standard", "Enterprise", "BusinessCritical"] as const;
/** The project every organization has; it is never deleted by a stack that adopted it. */
export const DEFAULT_PROJECT_NAME = "Default Project";
const REGION_ID = z.string().regex(/^[a-z]+-[a-z0-9-]+$/, "expected a region id like aws-us-west-2 or gcp-us-west1");

/** Regions compare as a set: order and repeats do not matter. */
export function canonicalRegions(value: unknown): unknown {
  return Array.isArray(value) ? [...new Set(value as string[])].sort() : value;
}

export const projectSpec = defineSpec({
  /**
   * The project's name. The API has no rename, so a new name replaces the project (which the service
   * refuses while it holds clusters). With `adopt: true`, the existing project of this name is taken over.
   * @example "search-staging"
   */
  projectName: input(z.string().trim().min(1, "a project name cannot be empty").max(64, "at most 64 characters"), { change: "replace" }),
  /**
   * The project plan: `Standard`, `Enterprise` or `BusinessCritical` (needed for more than one region;
   * current Zilliz Cloud creates only Enterprise and BusinessCritical projects). Updates in place as an
   * upgrade (`PATCH /v2/projects/{id}/plan`); a downgrade is refused by the service (code 63104), and that
   * error is shown as it is.
   * @example "Enterprise"
   */
  plan: input(z.enum(PROJECT_PLANS), { change: "update" }),
  /**
   * Region ids the project may hold clusters in. Default: whatever the service chose (leaving it unset
   * never counts as a change). Regions are added in place (`POST /v2/projects/{id}/regions`); the API
   * cannot remove one, so a removal fails at preview.
   * @example ["aws-us-west-2", "aws-us-east-1"]
   */
  regionIds: input(z.array(REGION_ID).optional(), { change: "update", serverChosen: true, canonical: canonicalRegions }),
  /**
   * Take over the existing project of this name instead of creating one (its plan is upgraded and regions
   * added in place). Default false. Only read at create. An adopted `Default Project` is never deleted:
   * destroy only releases it.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),

  /** The project id, `proj-…` (the same as the resource id). Wire clusters with `projectId: project.id`. */
  projectId: output<string>(),
  /** Live clusters in the project, as the server last reported. */
  instanceCount: output<number>(),
  /** Creation time as the server reports it. */
  createTime: output<string>(),
});

export type ProjectSpec = typeof projectSpec;
export type ProjectInputs = InputsOf<ProjectSpec>;
export type ProjectState = StateOf<ProjectSpec>;

/** Regions can only be added: a removal is refused at preview, before any call. */
export function adjustProjectPlan(plan: DiffPlan, olds: ProjectState, news: Props): void {
  if (!plan.updates.includes("regionIds") || !Array.isArray(olds.regionIds) || !Array.isArray(news.regionIds)) return;
  const kept = new Set(news.regionIds as string[]);
  const removed = (olds.regionIds as string[]).filter((r) => !kept.has(r));
  if (removed.length > 0) {
    throw new Error(`Project "${String(olds.projectName)}": regionIds cannot lose ${removed.map((r) => `"${r}"`).join(", ")}: the Zilliz Cloud API can add regions to a project but not remove them. Keep them in regionIds (or remove regionIds to leave the regions to the server).`);
  }
}
