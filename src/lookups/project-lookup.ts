/** Lookup of a project by name or id (Terraform's `zillizcloud_project` data source). */
import type * as pulumi from "@pulumi/pulumi";
import { asOutput, lookupClient, type Inputs, type LookupOptions } from "./lookup-client";

/** A project as a lookup returns it. */
export interface ProjectInfo {
  projectId: string;
  projectName: string;
  /** `Standard`, `Enterprise`, … when the server reports it. */
  plan: string;
  regionIds: string[];
  /** Clusters in the project. */
  instanceCount: number;
  createTime: string;
}

/** Which project: by `name` (default "Default Project") or by `projectId`. */
export type ProjectQuery = { name?: string; projectId?: never } | { projectId: string; name?: never };

/** The project, as a promise; fails naming the known projects when none (or more than one) matches. */
export async function lookupProject(query: ProjectQuery = {}, opts: LookupOptions = {}): Promise<ProjectInfo> {
  const projects = await lookupClient(opts).projects.list();
  const name = query.projectId === undefined ? (query.name ?? "Default Project") : undefined;
  const found = projects.filter((p) => (name !== undefined ? p.projectName === name : p.projectId === query.projectId));
  const wanted = name !== undefined ? `named "${name}"` : `with id ${query.projectId}`;
  if (found.length !== 1) {
    const known = projects.map((p) => `"${p.projectName}" (${p.projectId})`).join(", ") || "none";
    throw new Error(`getProject: ${found.length === 0 ? "no project" : `${found.length} projects`} ${wanted}; the API key sees: ${known}`);
  }
  const p = found[0]!;
  return { projectId: p.projectId, projectName: p.projectName, plan: p.plan ?? "", regionIds: p.regionIds ?? [], instanceCount: Number(p.instanceCount ?? 0), createTime: p.createTime ?? "" };
}

/**
 * A project, as an `Output` (by name, default "Default Project", or by id).
 * @example const project = getProject({ name: "search-prod" }); new Cluster("c", { ..., projectId: project.projectId });
 */
export function getProject(query: Inputs<{ name?: string }> | Inputs<{ projectId: string }> = {}, opts: LookupOptions = {}): pulumi.Output<ProjectInfo> {
  return asOutput(query, (q) => lookupProject(q as ProjectQuery, opts));
}
