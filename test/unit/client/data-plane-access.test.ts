/**
 * The data-plane calls the Database, Partition, Role and PrivilegeGroup resources added to the client:
 * database property removal, partition load/release/stats, the 2.5 grant API and privilege groups
 * (milvus-rest-api.md §4 "Roles and privileges", §5.5, §5.7).
 */
import { describe, expect, it } from "vitest";
import { MilvusClient, PrivilegeGroups } from "../../../src/client";
import { MockServer } from "./mock-server";

const EP = "https://in01-6183d6bac30f801.aws-us-west-2.vectordb.zillizcloud.com:443";
const ok = { code: 0, data: {} };

interface Case {
  name: string;
  action: string;
  body: unknown;
  reply: unknown;
  run: (mv: MilvusClient) => Promise<unknown>;
  expected: unknown;
}

const groups = (mv: MilvusClient) => new PrivilegeGroups(mv.transport);

const cases: Case[] = [
  { name: "databases.dropProperties", action: "databases/drop_properties", body: { dbName: "db1", propertyKeys: ["mmap.enabled"] }, reply: ok, run: (mv) => mv.databases.dropProperties({ dbName: "db1", propertyKeys: ["mmap.enabled"] }), expected: undefined },
  { name: "partitions.load", action: "partitions/load", body: { collectionName: "c", partitionNames: ["p1"] }, reply: ok, run: (mv) => mv.partitions.load({ collectionName: "c", partitionNames: ["p1"] }), expected: undefined },
  { name: "partitions.release", action: "partitions/release", body: { collectionName: "c", dbName: "db1", partitionNames: ["p1"] }, reply: ok, run: (mv) => mv.partitions.release({ collectionName: "c", dbName: "db1", partitionNames: ["p1"] }), expected: undefined },
  { name: "partitions.getStats (int64 as a string)", action: "partitions/get_stats", body: { collectionName: "c", partitionName: "p1" }, reply: '{"code":0,"data":{"rowCount":9007199254740993}}', run: (mv) => mv.partitions.getStats({ collectionName: "c", partitionName: "p1" }), expected: { rowCount: "9007199254740993" } },
  { name: "roles.grantPrivilegeV2", action: "roles/grant_privilege_v2", body: { roleName: "r", privilege: "CollectionReadOnly", dbName: "db1", collectionName: "*" }, reply: ok, run: (mv) => mv.roles.grantPrivilegeV2({ roleName: "r", privilege: "CollectionReadOnly", dbName: "db1", collectionName: "*" }), expected: undefined },
  { name: "roles.revokePrivilegeV2", action: "roles/revoke_privilege_v2", body: { roleName: "r", privilege: "Query", dbName: "default", collectionName: "docs" }, reply: ok, run: (mv) => mv.roles.revokePrivilegeV2({ roleName: "r", privilege: "Query", dbName: "default", collectionName: "docs" }), expected: undefined },
  { name: "privilege_groups.create", action: "privilege_groups/create", body: { privilegeGroupName: "g" }, reply: ok, run: (mv) => groups(mv).create({ privilegeGroupName: "g" }), expected: undefined },
  {
    name: "privilege_groups.list (comma-joined privileges split; an empty group is [])",
    action: "privilege_groups/list",
    body: {},
    reply: { code: 0, data: { privilegeGroups: [{ privilegeGroupName: "g", privileges: "Query,Search" }, { privilegeGroupName: "e", privileges: "" }] } },
    run: (mv) => groups(mv).list(),
    expected: [{ privilegeGroupName: "g", privileges: ["Query", "Search"] }, { privilegeGroupName: "e", privileges: [] }],
  },
  { name: "privilege_groups.list (none)", action: "privilege_groups/list", body: {}, reply: { code: 0, data: {} }, run: (mv) => groups(mv).list(), expected: [] },
  { name: "privilege_groups.addPrivileges", action: "privilege_groups/add_privileges_to_group", body: { privilegeGroupName: "g", privileges: ["Query"] }, reply: ok, run: (mv) => groups(mv).addPrivileges({ privilegeGroupName: "g", privileges: ["Query"] }), expected: undefined },
  { name: "privilege_groups.removePrivileges", action: "privilege_groups/remove_privileges_from_group", body: { privilegeGroupName: "g", privileges: ["Search"] }, reply: ok, run: (mv) => groups(mv).removePrivileges({ privilegeGroupName: "g", privileges: ["Search"] }), expected: undefined },
  { name: "privilege_groups.drop", action: "privilege_groups/drop", body: { privilegeGroupName: "g" }, reply: ok, run: (mv) => groups(mv).drop({ privilegeGroupName: "g" }), expected: undefined },
];

describe("Milvus v2 data-plane access endpoints", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const m = new MockServer(EP);
      const mv = new MilvusClient({ endpoint: EP, token: "db_admin:secret", ...m.clientOptions() });
      m.on("POST", `/v2/vectordb/${c.action}`, { body: c.reply });
      expect(await c.run(mv)).toEqual(c.expected);
      const req = m.last();
      expect(req.path).toBe(`/v2/vectordb/${c.action}`);
      expect(req.headers.authorization).toBe("Bearer db_admin:secret");
      expect(req.body).toEqual(c.body);
    });
  }

});
