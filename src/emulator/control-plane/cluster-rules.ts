/** Validation rules for cluster requests (zilliz-cloud-api.md §2.3, §3). Each failure is a named error. */
import { EmulatorError } from "../errors";
import type { ApiVersion } from "../render";

const CLUSTER_NAME = /^[A-Za-z0-9-]+$/;
const MAX_CLUSTER_NAME = 32;
// Tiered-storage and Extended-capacity are the newer CU classes the console offers next to the first two.
export const CU_TYPES = ["Performance-optimized", "Capacity-optimized", "Tiered-storage", "Extended-capacity"];
export const DEDICATED_PLANS = ["Standard", "Enterprise"];
/** Standard allows a fixed list; Enterprise goes to 1024 in the documented steps. */
const STANDARD_CU_SIZES = [1, 2, 4, 8, 12, 16, 20, 24, 28, 32];
const MAX_CU_TIMES_REPLICA = 1024;

function isPositiveInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

/** The Enterprise steps: 1..32 as Standard, then every 8 to 256, then every 16 to 1024. */
function isEnterpriseCuSize(size: number): boolean {
  if (STANDARD_CU_SIZES.includes(size)) return true;
  if (size > 32 && size <= 256) return size % 8 === 0;
  if (size > 256 && size <= 1024) return size % 16 === 0;
  return false;
}

export function checkClusterName(name: unknown): string {
  if (typeof name !== "string" || name.length === 0 || name.length > MAX_CLUSTER_NAME || !CLUSTER_NAME.test(name)) {
    throw new EmulatorError("invalidClusterName");
  }
  return name;
}

export function checkCuType(value: unknown): string {
  if (typeof value !== "string" || !CU_TYPES.includes(value)) throw new EmulatorError("invalidCuType");
  return value;
}

export function checkDedicatedPlan(value: unknown, version: ApiVersion): string {
  // Why: the newest v2 spec makes plan optional ("currently only Enterprise"); v1 requires it.
  if (value === undefined && version === "v2") return "Enterprise";
  if (typeof value !== "string" || !DEDICATED_PLANS.includes(value)) throw new EmulatorError("invalidDedicatedPlan");
  return value;
}

/** cuSize for a plan: v1 caps at 256; v2 checks the plan's steps (96023 when the class does not exist). */
export function checkCuSize(value: unknown, plan: string, version: ApiVersion): number {
  if (!isPositiveInt(value)) throw new EmulatorError("invalidCuSize");
  if (version === "v1") {
    if (value > 256) throw new EmulatorError("invalidCuSize");
    return value;
  }
  const ok = plan === "Standard" ? STANDARD_CU_SIZES.includes(value) : isEnterpriseCuSize(value);
  if (!ok) throw new EmulatorError("invalidClassSpec");
  return value;
}

/** replica 1..max (10 for modify, 8 for modifyReplica) and cuSize × replica ≤ 1024. */
export function checkReplica(value: unknown, cuSize: number, max: number): number {
  if (!isPositiveInt(value) || value > max) throw new EmulatorError("invalidClassSpec", `replica must be from 1 to ${max}.`);
  if (value * cuSize > MAX_CU_TIMES_REPLICA) throw new EmulatorError("invalidClassSpec", "cuSize x replica must be at most 1024.");
  return value;
}

/** Paging for list calls: v2 pageSize 1–100 (96008), v1 5–100 (80003); currentPage ≥ 1. */
export function checkPaging(pageSize: unknown, currentPage: unknown, version: ApiVersion): { pageSize: number; currentPage: number } {
  const size = pageSize === undefined || pageSize === null || pageSize === "" ? 10 : Number(pageSize);
  const page = currentPage === undefined || currentPage === null || currentPage === "" ? 1 : Number(currentPage);
  const minSize = version === "v1" ? 5 : 1;
  if (!Number.isInteger(size) || size < minSize || size > 100) throw new EmulatorError("invalidPageSize");
  if (!Number.isInteger(page) || page < 1 || page > Number.MAX_SAFE_INTEGER) throw new EmulatorError("invalidCurrentPage");
  return { pageSize: size, currentPage: page };
}
