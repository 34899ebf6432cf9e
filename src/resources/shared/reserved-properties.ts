/**
 * Collection property keys this provider keeps for itself (shared by the Collection and its indexes, and
 * never reported as the user's properties).
 */

/** Where a description set after creation is kept (the REST API has no other way to change it). */
export const DESCRIPTION_KEY = "collection.description";

/** Set on a collection whose index was dropped while it was loaded, so the next index build reloads it. */
export const PENDING_RELOAD_KEY = "pulumi-zilliz.reloadAfterIndex";

/** Both keys. */
export const RESERVED_KEYS: readonly string[] = [DESCRIPTION_KEY, PENDING_RELOAD_KEY];
