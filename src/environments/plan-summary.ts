/**
 * The review summary of a preview: one row per resource the plan changes (create, update, replace,
 * delete) with its changed properties, as a Markdown table to post on a pull request. Replacing or
 * deleting a collection, cluster or database loses data: such rows are in bold and set `destructive`,
 * which `--deny-destructive` turns into a failed preview.
 */
import type { EngineEvent, ResourcePreEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import { isInternalKey, kindOf, nameOf } from "./event-names";

/** What a row does to its resource. */
export type PlanAction = "create" | "update" | "replace" | "delete" | "import";

/** One resource of the plan. */
export interface PlanRow {
  action: PlanAction;
  /** The resource kind: `Collection`, `Cluster`, … (the full type token for other packages' resources). */
  kind: string;
  /** The resource's Pulumi name. */
  name: string;
  urn: string;
  /** The changed properties (paths such as `schema.fields[1].dim` when the engine gives them). */
  properties: string[];
  /** The properties among them that force the replacement. */
  replacing: string[];
  /** Replace or delete of a kind that holds data. */
  destructive: boolean;
}

/** The plan of one preview. */
export interface PlanSummary {
  rows: PlanRow[];
  /** True when any row is destructive (what `--deny-destructive` refuses). */
  destructive: boolean;
  counts: Record<PlanAction, number>;
  markdown: string;
}

/** Kinds whose replacement or deletion drops data. */
export const DATA_KINDS: readonly string[] = ["Cluster", "Database", "Collection", "LegacyCollection"];

/** The engine's step operations as review actions; steps that change nothing (same, read, refresh, …) are left out. */
const ACTIONS: Partial<Record<string, PlanAction>> = {
  create: "create",
  update: "update",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  delete: "delete",
  import: "import",
  "import-replacement": "replace",
};


/** The top-level inputs whose values differ between the step's old and new state (secrets are filtered out by the engine). */
function changedInputs(m: StepEventMetadata): string[] {
  const olds = m.old?.inputs;
  const news = m.new?.inputs;
  if (!olds || !news) return [];
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => !isInternalKey(k));
  return keys.filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
}

/**
 * The changed properties of a step, and which of them replace: the engine's detailed paths when the
 * provider gave them, else its `diffs` and replace `keys`, else (dynamic providers report neither for an
 * update) the inputs that differ between the old and new state.
 */
function propertiesOf(m: StepEventMetadata): { properties: string[]; replacing: string[] } {
  if (m.detailedDiff && Object.keys(m.detailedDiff).length > 0) {
    const entries = Object.entries(m.detailedDiff).filter(([k]) => !isInternalKey(k));
    return { properties: entries.map(([k]) => k), replacing: entries.filter(([, d]) => String(d.diffKind).endsWith("replace")).map(([k]) => k) };
  }
  const keys = (m.keys ?? []).filter((k) => !isInternalKey(k));
  const diffs = (m.diffs ?? []).filter((k) => !isInternalKey(k));
  const properties = [...new Set([...(diffs.length > 0 ? diffs : changedInputs(m)), ...keys])];
  return { properties, replacing: keys };
}

/** The pre-event of an engine event, or the pre-event itself. */
function preEventOf(e: EngineEvent | ResourcePreEvent): ResourcePreEvent | undefined {
  return "metadata" in e ? e : e.resourcePreEvent;
}

/** Markdown cell text: pipes escaped, line breaks flattened. */
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const code = (s: string) => `\`${cell(s).replace(/`/g, "'")}\``;

/** The Markdown of a plan: a count line, a note when destructive, and the table (destructive rows in bold). */
export function planMarkdown(rows: readonly PlanRow[], counts: Record<PlanAction, number>): string {
  if (rows.length === 0) return "**Plan:** no changes.\n";
  const parts = (["create", "update", "replace", "delete", "import"] as const).filter((a) => counts[a] > 0).map((a) => `${counts[a]} to ${a}`);
  const lines = [`**Plan:** ${parts.join(", ")}.`, ""];
  const destructive = rows.filter((r) => r.destructive);
  if (destructive.length > 0) {
    const n = destructive.length;
    lines.push(`> **Destructive:** ${n} step${n === 1 ? "" : "s"} (in bold) replace${n === 1 ? "s" : ""} or delete${n === 1 ? "s" : ""} a cluster, database or collection: the data in it is lost.`, "");
  }
  lines.push("| Action | Kind | Name | Changed properties |", "| --- | --- | --- | --- |");
  for (const r of rows) {
    const props = r.properties.map((p) => (r.replacing.includes(p) ? `${code(p)} (replaces)` : code(p))).join(", ");
    const bold = (s: string) => (r.destructive && s !== "" ? `**${s}**` : s);
    lines.push(`| ${bold(r.action)} | ${bold(cell(r.kind))} | ${bold(code(r.name))} | ${props} |`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Summarizes a preview from its events (the `onEvent` stream of `stack.preview`, or just the
 * `resourcePreEvent`s): one row per resource in the order the engine planned them; the several steps of a
 * replacement make one `replace` row.
 */
export function summarizePlan(events: ReadonlyArray<EngineEvent | ResourcePreEvent>, options: { dataKinds?: readonly string[] } = {}): PlanSummary {
  const dataKinds = options.dataKinds ?? DATA_KINDS;
  const byUrn = new Map<string, PlanRow>();
  for (const e of events) {
    const m = preEventOf(e)?.metadata;
    const action = m ? ACTIONS[m.op] : undefined;
    if (!m || !action || m.type.startsWith("pulumi:")) continue;
    const { properties, replacing } = propertiesOf(m);
    const kind = kindOf(m.type);
    const row = byUrn.get(m.urn);
    if (row === undefined) {
      byUrn.set(m.urn, { action, kind, name: nameOf(m.urn), urn: m.urn, properties, replacing, destructive: false });
      continue;
    }
    // A later step of the same resource (a replacement's create and delete halves): one row, properties merged.
    if (action === "replace" || row.action === "replace") row.action = "replace";
    row.properties = [...new Set([...row.properties, ...properties])];
    row.replacing = [...new Set([...row.replacing, ...replacing])];
  }
  const rows = [...byUrn.values()];
  for (const r of rows) r.destructive = (r.action === "replace" || r.action === "delete") && dataKinds.includes(r.kind);
  const counts: Record<PlanAction, number> = { create: 0, update: 0, replace: 0, delete: 0, import: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, destructive: rows.some((r) => r.destructive), counts, markdown: planMarkdown(rows, counts) };
}

/** Collects a preview's events: pass `onEvent` to `stack.preview({ onEvent })`, then read `summary()`. */
export function planCollector(options: { dataKinds?: readonly string[] } = {}): { onEvent: (e: EngineEvent) => void; summary: () => PlanSummary } {
  const events: ResourcePreEvent[] = [];
  return {
    onEvent: (e) => {
      if (e.resourcePreEvent) events.push(e.resourcePreEvent);
    },
    summary: () => summarizePlan(events, options),
  };
}
