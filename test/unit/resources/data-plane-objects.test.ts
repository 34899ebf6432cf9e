/**
 * Check and diff of the data-plane object resources (Database, Partition, Alias, User, Role, PrivilegeGroup),
 * pure: what changes in place, what replaces, which spellings of the same set are no change, how a preview
 * with unknown values plans, and which inputs `check` refuses (naming the property, with a suggestion for a
 * misspelt one).
 */
import { describe, expect, it } from "vitest";
import { RESOURCES } from "../../../src/resources/registry";
import { planOf } from "../../../src/resources/runtime";
import { validateInputs } from "../../../src/resources/shared/check-inputs";
import { inputsSchema } from "../../../src/resources/shared/derive-schema";
import type { ResourceDefinition } from "../../../src/resources/shared/resource-definition";
import type { Props } from "../../../src/resources/shared/spec";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";

const def = (kind: string) => RESOURCES[kind] as unknown as ResourceDefinition;
const plan = (kind: string, olds: Props, news: Props) => planOf(def(kind), {}, olds, news);
const check = (kind: string, news: Props) => validateInputs(inputsSchema(def(kind)), news).failures;
const target = { endpoint: "http://localhost:19530", token: "root:Milvus" };

describe("data-plane object plans", () => {
  const rows: Array<{ kind: string; name: string; olds: Props; news: Props; updates?: string[]; replaces?: string[]; changes?: boolean }> = [
    { kind: "Alias", name: "a new target collection retargets in place", olds: { ...target, aliasName: "docs", collectionName: "v1" }, news: { ...target, aliasName: "docs", collectionName: "v2" }, updates: ["collectionName"], replaces: [] },
    { kind: "Alias", name: "a target unknown at preview plans an update, never a replace", olds: { ...target, aliasName: "docs", collectionName: "v1" }, news: { ...target, aliasName: "docs", collectionName: UNKNOWN }, updates: ["collectionName"], replaces: [] },
    { kind: "Alias", name: "a new alias name replaces", olds: { ...target, aliasName: "docs", collectionName: "v1" }, news: { ...target, aliasName: "live", collectionName: "v1" }, replaces: ["aliasName"] },
    { kind: "Alias", name: "another database replaces", olds: { ...target, aliasName: "docs", collectionName: "v1" }, news: { ...target, aliasName: "docs", collectionName: "v1", dbName: "db2" }, replaces: ["dbName"] },
    { kind: "Alias", name: "dbName default spelled out is no change", olds: { ...target, aliasName: "docs", collectionName: "v1" }, news: { ...target, aliasName: "docs", collectionName: "v1", dbName: "default" }, changes: false },
    { kind: "Database", name: "a property value as a number or a string is the same", olds: { ...target, dbName: "a", properties: { "database.max.collections": "5" } }, news: { ...target, dbName: "a", properties: { "database.max.collections": 5 } }, changes: false },
    { kind: "Database", name: "properties change in place", olds: { ...target, dbName: "a", properties: { "mmap.enabled": "true" } }, news: { ...target, dbName: "a" }, updates: ["properties"], replaces: [] },
    { kind: "Database", name: "allowDataLoss is local", olds: { ...target, dbName: "a" }, news: { ...target, dbName: "a", allowDataLoss: true }, updates: ["allowDataLoss"], replaces: [] },
    { kind: "Partition", name: "loaded unset is no change whatever the server has", olds: { ...target, collectionName: "c", partitionName: "p", loaded: true }, news: { ...target, collectionName: "c", partitionName: "p" }, changes: false },
    { kind: "Partition", name: "loaded changes in place", olds: { ...target, collectionName: "c", partitionName: "p", loaded: false }, news: { ...target, collectionName: "c", partitionName: "p", loaded: true }, updates: ["loaded"], replaces: [] },
    { kind: "Partition", name: "a renamed collection is followed in place", olds: { ...target, collectionName: "c", partitionName: "p" }, news: { ...target, collectionName: "c2", partitionName: "p" }, updates: ["collectionName"], replaces: [] },
    { kind: "Partition", name: "a new partition name replaces", olds: { ...target, collectionName: "c", partitionName: "p" }, news: { ...target, collectionName: "c", partitionName: "q" }, replaces: ["partitionName"] },
    { kind: "User", name: "roles are a set", olds: { ...target, userName: "u", password: "secret1", roles: ["b", "a"] }, news: { ...target, userName: "u", password: "secret1", roles: ["a", "b", "a"] }, changes: false },
    { kind: "User", name: "no roles and an empty list are the same", olds: { ...target, userName: "u", password: "secret1", roles: [] }, news: { ...target, userName: "u", password: "secret1" }, changes: false },
    { kind: "User", name: "password and roles change in place", olds: { ...target, userName: "u", password: "secret1", roles: ["a"] }, news: { ...target, userName: "u", password: "secret2", roles: ["b"] }, updates: ["password", "roles"], replaces: [] },
    { kind: "User", name: "a new user name replaces", olds: { ...target, userName: "u", password: "secret1" }, news: { ...target, userName: "v", password: "secret1" }, replaces: ["userName"] },
    {
      kind: "Role",
      name: "grants are a set; spelled-out defaults are no change",
      olds: { ...target, roleName: "r", privileges: [{ privilege: "Query" }, { privilege: "Search", objectName: "docs" }] },
      news: { ...target, roleName: "r", privileges: [{ privilege: "Search", objectName: "docs", objectType: "Collection", dbName: "default" }, { privilege: "Query", objectName: "*" }, { privilege: "Query" }] },
      changes: false,
    },
    { kind: "Role", name: "grants change in place", olds: { ...target, roleName: "r", privileges: [{ privilege: "Query" }] }, news: { ...target, roleName: "r", privileges: [{ privilege: "Query", dbName: "db2" }] }, updates: ["privileges"], replaces: [] },
    { kind: "PrivilegeGroup", name: "privileges are a set", olds: { ...target, privilegeGroupName: "g", privileges: ["Search", "Query"] }, news: { ...target, privilegeGroupName: "g", privileges: ["Query", "Search"] }, changes: false },
    { kind: "PrivilegeGroup", name: "privileges change in place", olds: { ...target, privilegeGroupName: "g", privileges: ["Query"] }, news: { ...target, privilegeGroupName: "g", privileges: [] }, updates: ["privileges"], replaces: [] },
    { kind: "PrivilegeGroup", name: "a token change is local", olds: { ...target, privilegeGroupName: "g" }, news: { ...target, token: "other:token", privilegeGroupName: "g" }, updates: ["token"], replaces: [] },
  ];
  for (const row of rows) {
    it(`${row.kind}: ${row.name}`, () => {
      const p = plan(row.kind, row.olds, row.news);
      if (row.changes === false) {
        expect(p.changes).toBe(false);
        return;
      }
      expect(p.changes).toBe(true);
      if (row.updates) expect(p.updates).toEqual(row.updates);
      if (row.replaces) expect(p.replaces.sort()).toEqual([...row.replaces].sort());
    });
  }
});

describe("data-plane object checks", () => {
  const rows: Array<{ kind: string; news: Props; property: string; reason?: RegExp }> = [
    { kind: "Database", news: { ...target, dbName: "default" }, property: "dbName", reason: /adopt: true/ },
    { kind: "Database", news: { ...target, dbName: "a", propertys: {} }, property: "propertys", reason: /properties/ },
    { kind: "Partition", news: { ...target, collectionName: "c", partitionName: "_default" }, property: "partitionName", reason: /built-in partition/ },
    { kind: "Partition", news: { ...target, collectionName: "c" }, property: "partitionName" },
    { kind: "Alias", news: { ...target, aliasName: "x", collectionName: "x" }, property: "aliasName", reason: /cannot have the name of the collection/ },
    { kind: "Alias", news: { token: "t", aliasName: "x", collectionName: "y" }, property: "clusterId", reason: /exactly one of clusterId/ },
    { kind: "User", news: { ...target, userName: "root", password: "secret1" }, property: "userName", reason: /built-in user/ },
    { kind: "User", news: { ...target, userName: "u", password: "12345" }, property: "password", reason: /6 to 256/ },
    { kind: "User", news: { ...target, userName: "u", password: "secret1", role: ["a"] }, property: "role", reason: /roles/ },
    { kind: "Role", news: { ...target, roleName: "admin" }, property: "roleName", reason: /built-in role/ },
    { kind: "Role", news: { ...target, roleName: "r", privileges: [{ privilege: "Query", objectTyp: "Global" }] }, property: "privileges[0].objectTyp", reason: /objectType/ },
    { kind: "Role", news: { ...target, roleName: "r", privileges: [{ privilege: "Query", objectType: "Database" }] }, property: "privileges[0].objectType" },
    { kind: "PrivilegeGroup", news: { ...target, privilegeGroupName: "DatabaseAdmin" }, property: "privilegeGroupName", reason: /built-in privilege group/ },
  ];
  for (const row of rows) {
    it(`${row.kind}: refuses ${JSON.stringify(Object.fromEntries(Object.entries(row.news).filter(([k]) => !(k in target))))} naming ${row.property}`, () => {
      const failures = check(row.kind, row.news);
      expect(failures.map((f) => f.property)).toEqual([row.property]);
      if (row.reason) expect(failures[0]!.reason).toMatch(row.reason);
    });
  }

  it("accepts unknown values at preview (a collection being created, a role name from another resource)", () => {
    expect(check("Alias", { ...target, aliasName: "docs", collectionName: UNKNOWN })).toEqual([]);
    expect(check("User", { ...target, userName: "u", password: UNKNOWN, roles: [UNKNOWN] })).toEqual([]);
    expect(check("Partition", { endpoint: UNKNOWN, token: UNKNOWN, collectionName: UNKNOWN, partitionName: "p" })).toEqual([]);
  });
});
