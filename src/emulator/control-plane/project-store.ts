/** Projects: the Default Project, create, describe, delete, plan upgrade and regions. */
import { EmulatorError } from "../errors";
import { newProjectId } from "../ids";
import { isKnownRegion } from "./catalog";
import type { ControlPlaneState, ProjectRecord } from "./state";

const PROJECT_ID = /^proj-[0-9a-f]{22}$/;
/** Plans in upgrade order; a move to a lower index is a downgrade (63104). */
const PLAN_ORDER = ["Standard", "Enterprise", "BusinessCritical"];

/** The project every org has, looked up by name by real clients. */
export function defaultProject(now: number): ProjectRecord {
  return { projectId: newProjectId(), projectName: "Default Project", plan: "Standard", regionIds: [], createTime: now };
}

/** Project rules over the shared state. */
export class ProjectStore {
  constructor(
    private readonly state: ControlPlaneState,
    private readonly now: () => number,
  ) {}

  list(): ProjectRecord[] {
    return this.state.projects;
  }

  /** Looks a project up, checking the id format first (96005) and then existence (96012). */
  get(projectId: unknown): ProjectRecord {
    if (typeof projectId !== "string" || !PROJECT_ID.test(projectId)) throw new EmulatorError("invalidProjectId");
    const project = this.state.projects.find((p) => p.projectId === projectId);
    if (!project) throw new EmulatorError("projectNotFound");
    return project;
  }

  create(body: Record<string, unknown>): ProjectRecord {
    const { projectName, plan, regionIds } = body;
    if (typeof projectName !== "string" || projectName.trim() === "") throw new EmulatorError("missingParameter", "projectName");
    if (typeof plan !== "string" || !PLAN_ORDER.includes(plan)) throw new EmulatorError("invalidDedicatedPlan");
    const regions = this.regionList(regionIds);
    const project: ProjectRecord = { projectId: newProjectId(), projectName, plan, regionIds: regions, createTime: this.now() };
    this.state.projects.push(project);
    return project;
  }

  delete(projectId: unknown): ProjectRecord {
    const project = this.get(projectId);
    const live = this.state.clusters.some((c) => c.projectId === project.projectId && c.status !== "DELETED");
    // Why: deleting a project that still holds clusters would orphan them; the real rule is not recorded.
    if (live) throw new EmulatorError("wrongClusterState", "The project still has clusters.");
    this.state.projects = this.state.projects.filter((p) => p !== project);
    return project;
  }

  upgradePlan(projectId: unknown, plan: unknown): void {
    const project = this.get(projectId);
    if (typeof plan !== "string" || !PLAN_ORDER.includes(plan)) throw new EmulatorError("invalidDedicatedPlan");
    if (PLAN_ORDER.indexOf(plan) < PLAN_ORDER.indexOf(project.plan)) throw new EmulatorError("planDowngrade");
    project.plan = plan;
  }

  addRegions(projectId: unknown, regionIds: unknown): ProjectRecord {
    const project = this.get(projectId);
    for (const region of this.regionList(regionIds)) if (!project.regionIds.includes(region)) project.regionIds.push(region);
    return project;
  }

  /** Live clusters per project, the `instanceCount` field. */
  instanceCount(projectId: string): number {
    return this.state.clusters.filter((c) => c.projectId === projectId && c.status !== "DELETED").length;
  }

  private regionList(value: unknown): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new EmulatorError("invalidRegionId");
    for (const region of value) if (typeof region !== "string" || !isKnownRegion(region)) throw new EmulatorError("invalidRegionId");
    return [...(value as string[])];
  }
}
