/** The Volume's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf } from "../shared/spec";

export const DEFAULT_VOLUME_WAIT_SECONDS = 10 * 60;
/** The name rule zilliz-local applies (the service's own is not documented). */
export const VOLUME_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export const volumeSpec = defineSpec({
  /**
   * The volume's name (also its id): a letter, then letters, digits, `_` or `-`, at most 64 characters;
   * unique in the organization. Changing it replaces the volume (the API has no rename).
   * @example "staging-rows"
   */
  volumeName: input(z.string().regex(VOLUME_NAME, "a letter, then letters, digits, _ or -, at most 64 characters"), { change: "replace" }),
  /**
   * Project id, e.g. `project.id`. Default: the project named "Default Project" (looked up at create).
   * Naming a different project replaces the volume.
   * @example "proj-4487580fcfe2c8a4391686"
   */
  projectId: input(z.string().regex(/^proj-[0-9a-z]+$/, "expected a project id like proj-0123abcd…").optional(), { change: "replace", serverChosen: true }),
  /**
   * Cloud region id of the volume (an import reads it from a cluster of the same cloud). Changing it
   * replaces the volume.
   * @example "aws-us-west-2"
   */
  regionId: input(z.string().regex(/^[a-z]+-[a-z0-9-]+$/, "expected a region id like aws-us-west-2 or gcp-us-west1"), { change: "replace" }),
  /**
   * `MANAGED` (default: storage kept by Zilliz Cloud) or `EXTERNAL` (a path in your own bucket, reached
   * through a storage integration). Changing it replaces the volume.
   * @example "EXTERNAL"
   */
  type: input(z.enum(["MANAGED", "EXTERNAL"]).optional(), { change: "replace", default: "MANAGED" }),
  /**
   * EXTERNAL only (and required there): the storage integration that grants access to the bucket.
   * Changing it replaces the volume.
   * @example "integ-0123456789abcdef"
   */
  storageIntegrationId: input(z.string().min(1).optional(), { change: "replace" }),
  /**
   * EXTERNAL only (and required there): the bucket path the volume points at. Changing it replaces the volume.
   * @example "s3://my-bucket/staging/"
   */
  path: input(z.string().min(1).optional(), { change: "replace" }),
  /**
   * Deadline for the wait until the volume is RUNNING (and until it is gone on delete), in seconds.
   * Default 600. Updates in place (no server call).
   * @example 1200
   */
  waitTimeoutSeconds: input(z.number().int().min(1).max(24 * 3600).optional(), { change: "local" }),
  /**
   * Take over the existing volume of this name instead of creating one; its project, region, type and
   * path must match (otherwise create fails listing the differences). Default false. Only read at create.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),

  /** `CREATING`, `RUNNING`, … as the server last reported it. */
  status: output<string>(),
  /** Creation time as the server reports it. */
  createTime: output<string>(),
});

export type VolumeSpec = typeof volumeSpec;
export type VolumeInputs = InputsOf<VolumeSpec>;
export type VolumeState = StateOf<VolumeSpec>;

/** An EXTERNAL volume needs both halves of its pointer; a MANAGED one takes neither. */
export function refineVolume(v: VolumeInputs, ctx: z.RefinementCtx): void {
  const external = v.type === "EXTERNAL";
  for (const key of ["storageIntegrationId", "path"] as const) {
    if (external && v[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required for an EXTERNAL volume` });
    if (!external && v[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} applies to EXTERNAL volumes only (set type: "EXTERNAL")` });
  }
}
