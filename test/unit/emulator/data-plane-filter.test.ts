/**
 * The emulator's Milvus filter language (src/emulator/data-plane/filter): which rows each expression selects,
 * and the 1100 error each malformed or ill-typed expression gives. Table-driven.
 */
import { describe, expect, it } from "vitest";
import { compileFilter, FilterError } from "../../../src/emulator/data-plane/filter/compile";
import { parseExpression } from "../../../src/emulator/data-plane/filter/parser";
import type { CollectionState, FieldState } from "../../../src/emulator/data-plane/state";

const field = (id: number, name: string, dataType: string, extra: Partial<FieldState> = {}): FieldState => ({
  id, name, dataType, primaryKey: false, autoId: false, partitionKey: false, clusteringKey: false, nullable: false, description: "", params: [], ...extra,
});

const coll = (dynamic: boolean): CollectionState => ({
  id: "1", name: "books", description: "", enableDynamicField: dynamic, shardsNum: 1, consistencyLevel: "Bounded", functions: [], properties: [],
  partitions: ["_default"], partitionKeyCount: 0, indexes: [], rows: [], createdAt: 0,
  fields: [
    field(100, "id", "Int64", { primaryKey: true }),
    field(101, "title", "VarChar"),
    field(102, "year", "Int32"),
    field(103, "score", "Double"),
    field(104, "available", "Bool"),
    field(105, "meta", "JSON"),
    field(106, "tags", "Array", { elementType: "VarChar" }),
    field(107, "note", "VarChar", { nullable: true }),
    field(108, "v", "FloatVector", { params: [["dim", "2"]] }),
  ],
});

// Rows as the emulator stores them: Int64 as decimal strings, dynamic keys beside the schema fields (a JSON
// null, as in row 3, counts as absent).
const ROWS: Record<string, unknown>[] = [
  { id: "1", title: "Dune", year: 1965, score: 4.5, available: true, meta: { pages: 412, lang: "en", sizes: [1, 2] }, tags: ["scifi", "classic"], note: "x", v: [0, 1], color: "red" },
  { id: "2", title: "Emma", year: 1815, score: 3.9, available: false, meta: { pages: 474, lang: "en" }, tags: ["romance"], note: null, v: [1, 0], color: "blue" },
  { id: "3", title: "Ubik", year: 1969, score: 4.1, available: true, meta: { pages: 202, lang: "fr", nested: { a: 1 } }, tags: [], note: "y", v: [1, 1], color: null },
  { id: "461234567890123457", title: "100% Pure", year: 2001, score: 2, available: false, meta: {}, tags: ["classic"], note: null, v: [0, 0], color: "red" },
];

function select(filter: string, dynamic = true): string[] {
  const predicate = compileFilter(filter, coll(dynamic));
  return ROWS.filter(predicate).map((r) => r.id as string);
}

const BIG = "461234567890123457";
const MATCHES: [string, string[]][] = [
  ["", ["1", "2", "3", BIG]],
  ["year > 1900", ["1", "3", BIG]],
  ["year >= 1969", ["3", BIG]],
  ["year < 1900", ["2"]],
  ["year <= 1965", ["1", "2"]],
  ["year == 1965", ["1"]],
  ["year != 1965", ["2", "3", BIG]],
  ["1900 < year < 1968", ["1"]],
  ["1965 <= year <= 1969", ["1", "3"]],
  ["1969 >= year > 1815", ["1", "3"]],
  ["id in [1, 3]", ["1", "3"]],
  ["id IN [2]", ["2"]],
  ["id not in [1, 3]", ["2", BIG]],
  ["id NOT IN [1,2,3]", [BIG]],
  [`id == ${BIG}`, [BIG]],
  [`id == 461234567890123456`, []],
  ["id > 3", [BIG]],
  ['title like "D%"', ["1"]],
  ['title like "%ma"', ["2"]],
  ['title like "%b%"', ["3"]],
  ['title LIKE "U_ik"', ["3"]],
  ['title like "100\\% %"', [BIG]],
  ['title == "Dune"', ["1"]],
  ["title == 'Emma'", ["2"]],
  ['title in ["Dune", "Ubik"]', ["1", "3"]],
  ['title > "M"', ["3"]],
  ["year > 1900 and score > 4.2", ["1"]],
  ["year > 1900 && score > 4.2", ["1"]],
  ["year < 1900 or score < 3", ["2", BIG]],
  ["year < 1900 || score < 3", ["2", BIG]],
  ["year > 1900 AND (score > 4.2 OR title == 'Ubik')", ["1", "3"]],
  ["not (year > 1900)", ["2"]],
  ["!(year > 1900)", ["2"]],
  ["available", ["1", "3"]],
  ["not available", ["2", BIG]],
  ["available == true", ["1", "3"]],
  ["available == False", ["2", BIG]],
  ["year + 35 == 2000", ["1"]],
  ["year - 1800 < 20", ["2"]],
  ["year * 2 > 3930", ["3", BIG]],
  ["year / 5 == 393", ["1"]],
  ["year % 2 == 0", []],
  ["year % 5 == 0", ["1", "2"]],
  ["2 ** 3 == 8 and year > 2000", [BIG]],
  ["year > 2 ** 10", ["1", "2", "3", BIG]],
  ["year > -1 * -1966", ["3", BIG]],
  ["year > +1966", ["3", BIG]],
  ['meta["pages"] > 400', ["1", "2"]],
  ['meta["lang"] == "fr"', ["3"]],
  ['meta["nested"]["a"] == 1', ["3"]],
  ['meta["sizes"][1] == 2', ["1"]],
  ['meta["missing"] > 0', []],
  ['json_contains(meta["sizes"], 1)', ["1"]],
  ['json_contains_all(meta["sizes"], [1, 2])', ["1"]],
  ['JSON_CONTAINS_ANY(meta["sizes"], [5, 2])', ["1"]],
  ['array_contains(tags, "classic")', ["1", BIG]],
  ['array_contains_all(tags, ["scifi", "classic"])', ["1"]],
  ['array_contains_any(tags, ["romance", "scifi"])', ["1", "2"]],
  ["array_length(tags) == 0", ["3"]],
  ["ARRAY_LENGTH(tags) >= 1", ["1", "2", BIG]],
  ['tags[0] == "romance"', ["2"]],
  ['color == "red"', ["1", BIG]],
  ['$meta["color"] == "blue"', ["2"]],
  ['meta["gone"] is null', ["1", "2", "3", BIG]],
  // A missing dynamic key fails every test, so the negations hold (as Milvus 2.3.5 answers).
  ['color != "red"', ["2", "3"]],
  ['not (color == "red")', ["2", "3"]],
  ['color not in ["red"]', ["2", "3"]],
  ['not (meta["pages"] > 300)', ["3", BIG]],
  ['not array_contains(tags, "classic")', ["2", "3"]],
  ["exists color", ["1", "2", BIG]],
  ['exists meta["nested"]', ["3"]],
  ["note is null", ["2", BIG]],
  ["note IS NOT NULL", ["1", "3"]],
  ['note != "x"', ["3"]],
  ["not (note is null)", ["1", "3"]],
  ['not (note == "x")', ["3"]],
  ["score > 4", ["1", "3"]],
  ["score > 4.05 and score < 4.2", ["3"]],
  ["year > 1.9e3", ["1", "3", BIG]],
  ["year == 0x7B1", ["3"]],
];

describe("filter expressions select the right rows", () => {
  it.each(MATCHES)("%s", (filter, expected) => {
    expect(select(filter)).toEqual(expected);
  });
});

const ERRORS: [string, string, boolean?][] = [
  ["year >", "line 1:6 no viable alternative at input '>'"],
  ["year >> 2", "shift is not supported: year>>2"],
  ["year & 1 == 1", "BitAnd is not supported: year&1"],
  ["year == 1 or", "line 1:12 mismatched input '<EOF>' expecting {'(', '[', EXISTS, '+', '-', '~', NOT, JSONContains, JSONContainsAll, JSONContainsAny, ArrayContains, ArrayContainsAll, ArrayContainsAny, ArrayLength, BooleanConstant, IntegerConstant, FloatingConstant, Identifier, StringLiteral, JSONIdentifier}"],
  ["year = 1", "line 1:5 token recognition error at: '= '"],
  ["year @ 1", "line 1:5 token recognition error at: '@'"],
  ["not year == 1", "not op can only be applied on boolean expression"],
  ["year ** 2 == 4", "power can only apply on constants: year**2"],
  ["year == 1 and year", "and op can only be applied on boolean expression"],
  ["(year > 1", "line 1:9 missing ')' at '<EOF>'"],
  ["year > 1)", "invalid expression: year > 1)"],
  ["array_contains(tags, 1", "line 1:22 missing ')' at '<EOF>'"],
  ["-year < -1966", "unexpected op: -"],
  ['title == "open', `line 1:9 token recognition error at: '"open'`],
  ["year in 5", "line 1:8 no viable alternative at input 'in5'"],
  ["year not in 5", "line 1:12 no viable alternative at input 'notin5'"],
  ["title > 3", "comparisons between VarChar, element_type: None and Int64 elementType: None are not supported"],
  ['year == "x"', "comparisons between Int32, element_type: None and VarChar elementType: None are not supported"],
  ['year in [1, "x"]', `value '"x"' in list cannot be casted to Int32`],
  ['year like "1%"', "like operation on non-string or no-json field is unsupported"],
  ["title + 1 > 2", "arithmetic is not supported on VarChar"],
  ["unknown > 1", "field unknown not exist", false],
  ["v > 1", "FloatVector field v cannot be used in a filter expression"],
  ['title["a"] == 1', "title is not a JSON or Array field, it cannot be indexed"],
  ["array_contains(tags)", "array_contains expects 2 arguments, got 1"],
  ['array_contains_all(tags, "a")', "contains_all operation element must be an array"],
  ["array_length(year) == 1", "array_length operation on a field that is neither Array nor JSON is unsupported"],
  ["nosuch(year)", "line 1:0 no viable alternative at input 'nosuch('"],
  ["1 < year + 1 < 5", "the middle of a range expression must be a field"],
  ["year < 5 > 1", "line 1:9 mismatched input '>' in a range expression"],
];

describe("malformed filters are refused with the server's wording", () => {
  it.each(ERRORS)("%s", (filter, why, dynamic = true) => {
    let caught: unknown;
    try {
      compileFilter(filter, coll(dynamic));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FilterError);
    expect((caught as FilterError).message).toBe(`cannot parse expression: ${filter}, error: ${why}`);
  });
});

const PREDICATES: [string, string][] = [
  ["year", "predicate is not a boolean expression: year, data type: Int32"],
  ["color", "predicate is not a boolean expression: color, data type: JSON"],
  ["year + 1", "predicate is not a boolean expression: year + 1, data type: Int32"],
];

describe("non-boolean filters are refused as the server words it", () => {
  it.each(PREDICATES)("%s", (filter, message) => {
    expect(() => compileFilter(filter, coll(true))).toThrow(new FilterError(filter, message, "predicate"));
    expect(() => compileFilter(filter, coll(true))).toThrow(message);
  });
});

describe("the 2.3 dialect (v1 surface)", () => {
  const fails = (filter: string) => {
    try {
      compileFilter(filter, coll(true), "2.3");
    } catch (error) {
      return (error as Error).message;
    }
    return "accepted";
  };
  it.each([
    ['title like "%ne"', `cannot parse expression: title like "%ne", error: unsupported pattern: %ne, only prefix pattern match like ab% and equal match like ab(no wildcards) are supported`],
    ['title like "Du%"', "accepted"],
    ['year == 1 AND title == "x"', `cannot parse expression: year == 1 AND title == "x", error: invalid expression: year == 1 AND title == "x"`],
    ["note is null", "cannot parse expression: note is null, error: invalid expression: note is null"],
    ["year * 2 > 30", "cannot parse expression: year * 2 > 30, error: GreaterThan is not supported in execution backend"],
    ["year % 2 == 0", "accepted"],
  ])("%s", (filter, expected) => {
    expect(fails(filter)).toBe(expected);
  });

  it("reads `_` in a like pattern literally", () => {
    expect(ROWS.filter(compileFilter('title like "U_ik"', coll(true), "2.3")).map((r) => r.id)).toEqual([]);
    expect(ROWS.filter(compileFilter('title like "U_ik"', coll(true), "2.5")).map((r) => r.id)).toEqual(["3"]);
  });
});

describe("expression templates (v2 exprParams)", () => {
  const pick = (filter: string, params: Record<string, unknown>) => ROWS.filter(compileFilter(filter, coll(true), "2.5", params)).map((r) => r.id);
  it("fills numbers, strings, booleans and lists", () => {
    expect(pick("year > {min} and id in {ids}", { min: 1900, ids: [1, 3] })).toEqual(["1", "3"]);
    expect(pick('title == {t} or available == {flag}', { t: "Emma", flag: true })).toEqual(["1", "2", "3"]);
    expect(pick('array_contains_any(tags, {wanted})', { wanted: ["romance"] })).toEqual(["2"]);
  });
  it("refuses a placeholder without a value, and 2.3 has no placeholders", () => {
    expect(() => compileFilter("year > {min}", coll(true), "2.5", {})).toThrow(
      new FilterError("year > {min}", "the value of expression template variable name {min} is not found"),
    );
    expect(() => compileFilter("year > {min}", coll(true), "2.3", { min: 1 })).toThrow(new FilterError("year > {min}", "line 1:7 token recognition error at: '{'"));
  });
});

describe("parser shapes", () => {
  it("gives `and` precedence over `or` and arithmetic over comparison", () => {
    expect(parseExpression("a == 1 or b == 2 and c == 3")).toMatchObject({ type: "logical", op: "or", right: { type: "logical", op: "and" } });
    expect(parseExpression("a + 2 * 3 > 7")).toMatchObject({ type: "compare", op: ">", left: { type: "arith", op: "+", right: { type: "arith", op: "*" } } });
  });

  it("reads ** as right-associative and a reversed range as an ascending one", () => {
    expect(parseExpression("a ** 2 ** 3 == 1")).toMatchObject({ left: { op: "**", right: { op: "**" } } });
    expect(parseExpression("5 > a >= 1")).toMatchObject({ type: "range", lower: { value: 1 }, lowerOp: "<=", upperOp: "<", upper: { value: 5 } });
  });
});
