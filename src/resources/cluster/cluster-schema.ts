/** The Cluster inputs as zod validates them in `check` (run time only; never captured). */
import { z } from "zod";

export const CLUSTER_PLANS = ["Free", "Serverless", "Standard", "Enterprise", "BusinessCritical"] as const;
export const DEDICATED_PLANS: readonly string[] = ["Standard", "Enterprise", "BusinessCritical"];
export const DEFAULT_CU_TYPE = "Performance-optimized";
export const DEFAULT_CLUSTER_WAIT_SECONDS = 45 * 60;

const labelKey = z.string().min(1).max(63);

export const clusterInputsSchema = z
  .object({
    clusterName: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9-]+$/, "letters, digits and hyphens only"),
    plan: z.enum(CLUSTER_PLANS),
    regionId: z.string().min(1),
    projectId: z.string().regex(/^proj-[0-9a-f]+$/, "expected a project id like proj-0123abcd…").optional(),
    cuType: z.enum(["Performance-optimized", "Capacity-optimized", "Tiered-storage"]).optional(),
    cuSize: z.number().int().min(1).max(1024).optional(),
    replica: z.number().int().min(1).max(10).optional(),
    labels: z.record(labelKey, z.string().max(255)).optional(),
    desiredStatus: z.enum(["RUNNING", "SUSPENDED"]).optional(),
    apiVersion: z.enum(["v1", "v2"]).optional(),
    waitTimeoutSeconds: z.number().int().min(1).max(24 * 3600).optional(),
    adopt: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    const dedicated = DEDICATED_PLANS.includes(v.plan);
    if (!dedicated) {
      for (const key of ["cuSize", "cuType", "replica"] as const) {
        if (v[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} applies to Dedicated plans only, not ${v.plan}` });
      }
      if (v.desiredStatus === "SUSPENDED") {
        ctx.addIssue({ code: "custom", path: ["desiredStatus"], message: `a ${v.plan} cluster cannot be suspended (Dedicated plans only)` });
      }
    }
    if (v.apiVersion === "v1") {
      if (v.clusterName.length > 32) ctx.addIssue({ code: "custom", path: ["clusterName"], message: "the v1 API allows at most 32 characters" });
      // The v1 API has no labels or replica calls and knows only Standard and Enterprise dedicated plans.
      for (const key of ["labels", "replica"] as const) {
        if (v[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} needs apiVersion v2` });
      }
      if (v.plan === "BusinessCritical") ctx.addIssue({ code: "custom", path: ["plan"], message: "BusinessCritical needs apiVersion v2" });
    }
    if (v.cuSize !== undefined && v.replica !== undefined && v.cuSize * v.replica > 1024) {
      ctx.addIssue({ code: "custom", path: ["replica"], message: "cuSize × replica must be at most 1024" });
    }
  });

/** Validated Cluster inputs. */
export type ClusterInputs = z.output<typeof clusterInputsSchema>;

/** True for Standard, Enterprise and BusinessCritical. */
export function isDedicated(plan: string | undefined): boolean {
  return plan !== undefined && DEDICATED_PLANS.includes(plan);
}
