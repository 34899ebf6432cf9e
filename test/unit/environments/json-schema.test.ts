import { describe, expect, it } from "vitest";
import { envSpecJsonSchema } from "../../../src/environments/json-schema";
import { parseEnvSpec } from "../../../src/environments/parse-spec";
import { goodSpec } from "./fixtures";

describe("envSpecJsonSchema", () => {
  const schema = envSpecJsonSchema() as any;

  it("describes every section and refuses unknown keys, as the parser does", () => {
    expect(Object.keys(schema.properties)).toEqual(["$schema", "clusters", "databases", "collections", "indexes", "aliases", "users", "roles", "imports"]);
    expect(schema.additionalProperties).toBe(false);
    const field = schema.properties.collections.items.properties.schema.properties.fields.items;
    expect(field.additionalProperties).toBe(false);
    expect(field.properties.dataType.enum).toContain("FloatVector");
    expect(schema.properties.indexes.items.required).toEqual(["collection", "fieldName", "indexType"]);
  });

  it("is JSON, and a spec may name it in $schema", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    const spec = parseEnvSpec(JSON.stringify({ $schema: "./env.schema.json", ...goodSpec() }));
    expect(spec.collections).toHaveLength(2);
    expect((spec as unknown as Record<string, unknown>).$schema).toBeUndefined();
  });
});
