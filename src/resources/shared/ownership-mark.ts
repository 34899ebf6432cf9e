/**
 * The ownership mark: a short, stable hash of a resource's identity in a stack (project, stack, kind and
 * name), put on the objects it creates where the API keeps one (cluster labels). A create that meets an
 * object of its name carrying its own mark takes it over: it is what an interrupted run of this very resource
 * created. Dynamic providers are never told the resource's URN, so the resource class computes the mark in the
 * program and passes it as a hidden input.
 */
import { createHash } from "node:crypto";
import type { ResourceIdentity } from "./spec";

/** 16 hex characters of SHA-256 over `project/stack/kind/name`. */
export function ownerMarkOf(identity: ResourceIdentity): string {
  return createHash("sha256").update(`${identity.project}/${identity.stack}/${identity.kind}/${identity.name}`).digest("hex").slice(0, 16);
}
