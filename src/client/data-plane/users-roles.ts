/** Milvus data plane v2: users and roles (`milvus-rest-api.md` §5.8). */
import { z } from "zod";
import { emptyData, stringList } from "../schema-helpers";
import type { Transport } from "../transport";
import { type CallOptions, post } from "./call";

/** `/v2/vectordb/users/...`. Passwords go only into request bodies, never into errors or logs. */
export class Users {
  constructor(private readonly t: Transport) {}
  /** A duplicate gives 1100 (InvalidArgumentError); check with `describe`/`list` first. */
  async create(req: { userName: string; password: string; description?: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "users/create", req, emptyData, false, o);
  }
  /** The user's role names. */
  describe(req: { userName: string }, o: CallOptions = {}): Promise<string[]> {
    return post(this.t, "users/describe", req, stringList, true, o);
  }
  list(o: CallOptions = {}): Promise<string[]> {
    return post(this.t, "users/list", {}, stringList, true, o);
  }
  async drop(req: { userName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "users/drop", req, emptyData, true, o);
  }
  /** `password` is the old one. Not retried: after success the old password no longer matches. */
  async updatePassword(req: { userName: string; password: string; newPassword: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "users/update_password", req, emptyData, false, o);
  }
  async grantRole(req: { userName: string; roleName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "users/grant_role", req, emptyData, true, o);
  }
  async revokeRole(req: { userName: string; roleName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "users/revoke_role", req, emptyData, true, o);
  }
}

export const grantSchema = z.object({
  objectType: z.string(),
  objectName: z.string(),
  privilege: z.string(),
  dbName: z.string().optional(),
  grantor: z.string().optional(),
});
/** One privilege grant of a role. */
export type Grant = z.output<typeof grantSchema>;

/** Body of grant/revoke privilege. */
export interface PrivilegeRequest {
  roleName: string;
  /** `Global`, `Collection`, `User`, … */
  objectType: string;
  /** `*` or a name. */
  objectName: string;
  privilege: string;
  dbName?: string;
}

/** `/v2/vectordb/roles/...`. */
export class Roles {
  constructor(private readonly t: Transport) {}
  async create(req: { roleName: string; description?: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "roles/create", req, emptyData, false, o);
  }
  /** Grants of the role in the given (or default) database. */
  describe(req: { roleName: string; dbName?: string }, o: CallOptions = {}): Promise<Grant[]> {
    return post(this.t, "roles/describe", req, z.array(grantSchema).nullish().transform((v) => v ?? []), true, o);
  }
  list(o: CallOptions = {}): Promise<string[]> {
    return post(this.t, "roles/list", {}, stringList, true, o);
  }
  /** A missing role gives 1100 in 2.6. */
  async drop(req: { roleName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "roles/drop", req, emptyData, true, o);
  }
  async grantPrivilege(req: PrivilegeRequest, o: CallOptions = {}): Promise<void> {
    await post(this.t, "roles/grant_privilege", req, emptyData, true, o);
  }
  async revokePrivilege(req: PrivilegeRequest, o: CallOptions = {}): Promise<void> {
    await post(this.t, "roles/revoke_privilege", req, emptyData, true, o);
  }
  /** 2.5+: grants a privilege or privilege group on `dbName`/`collectionName` (`*` for all). */
  async grantPrivilegeV2(req: PrivilegeV2Request, o: CallOptions = {}): Promise<void> {
    await post(this.t, "roles/grant_privilege_v2", req, emptyData, true, o);
  }
  async revokePrivilegeV2(req: PrivilegeV2Request, o: CallOptions = {}): Promise<void> {
    await post(this.t, "roles/revoke_privilege_v2", req, emptyData, true, o);
  }
}

/** Body of the 2.5+ grant/revoke: a privilege or group on a database and collection (`*` for all). */
export interface PrivilegeV2Request {
  roleName: string;
  privilege: string;
  dbName?: string;
  collectionName?: string;
}

export const privilegeGroupSchema = z.object({
  privilegeGroupName: z.string(),
  // The server joins the privileges with commas; an empty group has an empty string.
  privileges: z.string().nullish().transform((v) => (v ? v.split(",").map((p) => p.trim()).filter((p) => p !== "") : [])),
});
/** One custom privilege group, its privileges split into a list. */
export type PrivilegeGroupDescription = z.output<typeof privilegeGroupSchema>;

/** `/v2/vectordb/privilege_groups/...` (Milvus 2.5+). */
export class PrivilegeGroups {
  constructor(private readonly t: Transport) {}
  /** A duplicate (or a built-in group name) gives 1100. Not retried. */
  async create(req: { privilegeGroupName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "privilege_groups/create", req, emptyData, false, o);
  }
  /** Every custom group with its privileges (the only read the API has). */
  async list(o: CallOptions = {}): Promise<PrivilegeGroupDescription[]> {
    const data = await post(this.t, "privilege_groups/list", {}, z.object({ privilegeGroups: z.array(privilegeGroupSchema).nullish() }).nullish(), true, o);
    return data?.privilegeGroups ?? [];
  }
  async drop(req: { privilegeGroupName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "privilege_groups/drop", req, emptyData, true, o);
  }
  async addPrivileges(req: { privilegeGroupName: string; privileges: string[] }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "privilege_groups/add_privileges_to_group", req, emptyData, true, o);
  }
  async removePrivileges(req: { privilegeGroupName: string; privileges: string[] }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "privilege_groups/remove_privileges_from_group", req, emptyData, true, o);
  }
}
