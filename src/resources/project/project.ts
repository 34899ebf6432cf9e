import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { projectSpec, type ProjectSpec } from "./project-spec";

/** Arguments of a {@link Project} (documented property by property in its spec). */
export type ProjectArgs = ArgsOf<ProjectSpec>;

/**
 * A Zilliz Cloud project: a group of clusters, volumes and keys with one plan. The plan is upgraded and
 * regions are added in place; a new name replaces the project. Delete is refused by the service while
 * the project still holds clusters (that error is shown as it is). The id is the project id (`proj-…`).
 *
 * Adopting: `Project.get(name, "proj-…")` reads it into the stack; `adopt: true` takes over the project of
 * the same name (e.g. the organization's `Default Project`, which is then never deleted).
 *
 * @example
 * const project = new Project("staging", { projectName: "staging", plan: "Enterprise" });
 * new Cluster("search", { clusterName: "search", plan: "Enterprise", regionId: "aws-us-west-2", projectId: project.id });
 */
export const Project = resourceClass<ProjectSpec>("Project", projectSpec);
/** A {@link Project} instance. */
export type Project = ResourceInstance<ProjectSpec>;
