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
}
