/** The ApiKey's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf } from "../shared/spec";
import { strictObject } from "../shared/strict-object";

const PROJECT_ID = z.string().regex(/^proj-[0-9a-z]+$/, "expected a project id like proj-0123abcd…");
const CLUSTER_ID = z.string().regex(/^in\d\d-[0-9a-z]+$/, "expected a cluster id like in01-0123456789abcdef");

/** One project grant: the project, the role in it, and which clusters and volumes of it the key reaches. */
const grant = strictObject({
  /** The project, e.g. `project.id`. */
  projectId: PROJECT_ID,
  /** The role in the project, e.g. `Owner`, `Admin`, `Read-Write`, `Read-Only`. */
  role: z.string().min(1, "a project role cannot be empty"),
  /** Every cluster of the project, also later ones. Default: true when `clusterIds` is empty. */
  allCluster: z.boolean().optional(),
  /** Only these clusters (e.g. `[cluster.id]`). */
  clusterIds: z.array(CLUSTER_ID).optional(),
  /** Every volume of the project. Default: true when `volumeIds` is empty. */
  allVolume: z.boolean().optional(),
  /** Only these volumes (volume names, e.g. `[volume.id]`). */
  volumeIds: z.array(z.string().min(1)).optional(),
});
export type ApiKeyGrant = z.output<typeof grant>;

/** A grant in its canonical form: the defaults filled in, ids sorted, grants ordered by project. */
export function canonicalGrants(value: unknown): unknown {
  if (!Array.isArray(value)) return value ?? [];
  return (value as ApiKeyGrant[])
    .map((g) => {
      const clusterIds = [...(g.clusterIds ?? [])].sort();
      const volumeIds = [...(g.volumeIds ?? [])].sort();
      return { projectId: g.projectId, role: g.role, allCluster: g.allCluster ?? clusterIds.length === 0, clusterIds, allVolume: g.allVolume ?? volumeIds.length === 0, volumeIds };
    })
    .sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0));
}

export const apiKeySpec = defineSpec({
  /**
   * The key's name, 1–64 characters. Updates in place.
   * @example "ingest-service"
   */
  name: input(z.string().trim().min(1, "a key name cannot be empty").max(64, "at most 64 characters"), { change: "update" }),
  /**
   * The key's organization role, e.g. `Member` (the usual choice for a service key), `Owner` (reaches
   * everything, like the organization key) or `Billing Admin`. Updates in place.
   * @example "Member"
   */
  orgRole: input(z.string().min(1, "an org role cannot be empty"), { change: "update" }),
  /**
   * What the key reaches: one entry per project, `{ projectId, role, allCluster?, clusterIds?, allVolume?,
   * volumeIds? }`: the project role (e.g. `Read-Write`), and the clusters and volumes (by name) of that
   * project it reaches (all of them, also later ones, when `clusterIds`/`volumeIds` are empty). The same key
   * then works as a data-plane token on those clusters only. Default: no project. Updates in place (the
   * key's id and value stay the same).
   * @example [{ projectId: project.id, role: "Read-Write", clusterIds: [cluster.id] }]
   */
  projects: input(z.array(grant).optional(), { change: "update", canonical: canonicalGrants }),
  /**
   * Take over the existing key of this name (exactly one must exist) instead of creating one; its org
   * role and scopes are then set in place. Its value stays unknown to the stack (`apiKey` is ""), since
   * the service shows a key's value only once, at create. Default false. Only read at create.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),

  /** The key's id (the same as the resource id). */
  apiKeyId: output<string>(),
  /**
   * The key's value (secret), to use as a token (`Collection`'s `token`, a client's API key). The service
   * shows it only in the create answer: it is known only for a key this stack created, and is `""` for a
   * key read with `ApiKey.get` or taken over with `adopt`. It is never logged.
   */
  apiKey: output<string>({ secret: true }),
  /** Who created the key, as the server reports it. */
  creatorName: output<string>(),
  /** Creation time as the server reports it. */
  createTime: output<string>(),
});

export type ApiKeySpec = typeof apiKeySpec;
export type ApiKeyInputs = InputsOf<ApiKeySpec>;
export type ApiKeyState = StateOf<ApiKeySpec>;

/** Cross-property rules of `check`. */
export function refineApiKey(v: ApiKeyInputs, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  (v.projects ?? []).forEach((g, i) => {
    if (seen.has(g.projectId)) ctx.addIssue({ code: "custom", path: ["projects", i, "projectId"], message: `project ${g.projectId} is granted twice; give each project one entry` });
    seen.add(g.projectId);
    if (g.allCluster === true && (g.clusterIds?.length ?? 0) > 0) ctx.addIssue({ code: "custom", path: ["projects", i, "clusterIds"], message: "clusterIds with allCluster: true; give one or the other" });
    if (g.allVolume === true && (g.volumeIds?.length ?? 0) > 0) ctx.addIssue({ code: "custom", path: ["projects", i, "volumeIds"], message: "volumeIds with allVolume: true; give one or the other" });
  });
}
