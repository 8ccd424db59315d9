import { z } from 'zod';

// The columns of a list's CSV come from the list's own response schema (the zod item schema as JSON Schema),
// so a field added to a list appears in its CSV without an edit here. Nested objects are flattened into
// dotted columns ("school.name"), arrays become one cell joined with "; ".

/** One CSV column: its header and the path of the value in a list item. */
export interface CsvColumn {
  header: string;
  path: readonly string[];
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** How deep nested objects are flattened; deeper objects go into one cell as their label or JSON. */
const MAX_DEPTH = 2;

/** The JSON Schema of a zod schema as the list answers it (output side; transforms become `any`). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
}

function resolve(node: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  let current = node;
  for (let hops = 0; current.$ref && hops < 10; hops += 1) {
    const name = current.$ref.split('/').pop()!;
    current = defs[name] ?? {};
  }
  return current;
}

/** The object properties of a schema, merging the object branches of a union (nullable objects included). */
function propertiesOf(node: JsonSchema, defs: Record<string, JsonSchema>): Record<string, JsonSchema> | null {
  const schema = resolve(node, defs);
  if (schema.properties) return schema.properties;
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (!branches) return null;
  const merged: Record<string, JsonSchema> = {};
  for (const branch of branches) Object.assign(merged, propertiesOf(branch, defs) ?? {});
  return Object.keys(merged).length > 0 ? merged : null;
}

/** The item schema of a list's page schema (`{ items: [...] }`) or of an array schema. */
export function itemSchemaOf(page: z.ZodType): JsonSchema & { $defs: Record<string, JsonSchema> } {
  const root = jsonSchemaOf(page);
  const defs = root.$defs ?? {};
  const resolved = resolve(root, defs);
  const array = resolved.type === 'array' ? resolved : resolve(resolved.properties?.items ?? {}, defs);
  return { ...resolve(array.items ?? {}, defs), $defs: defs };
}

/**
 * The columns of an item schema: every scalar or array property, nested objects flattened to MAX_DEPTH.
 * Nested ids are left out (a spreadsheet reader wants the school's name, not its uuid); the item's own id stays.
 */
export function columnsOf(item: JsonSchema & { $defs?: Record<string, JsonSchema> }, omit: readonly string[] = []): CsvColumn[] {
  const defs = item.$defs ?? {};
  const out: CsvColumn[] = [];
  const walk = (node: JsonSchema, path: string[]) => {
    for (const [key, child] of Object.entries(propertiesOf(node, defs) ?? {})) {
      const next = [...path, key];
      const dotted = next.join('.');
      if (omit.some((o) => dotted === o || dotted.startsWith(`${o}.`))) continue;
      if (path.length > 0 && (key === 'id' || /[a-z]Id$/.test(key))) continue;
      const resolved = resolve(child, defs);
      const nested = resolved.type !== 'array' && propertiesOf(resolved, defs);
      if (nested && next.length < MAX_DEPTH) walk(resolved, next);
      else out.push({ header: dotted, path: next });
    }
  };
  walk(item, []);
  return out;
}

const LABEL_KEYS = ['name', 'label', 'title', 'number', 'email', 'code', 'description', 'kind'] as const;

/** A nested value as one cell: a scalar as itself, an object by its label field, an array joined with "; ". */
function textOf(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => textOf(v) ?? '').join('; ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const key = LABEL_KEYS.find((k) => typeof record[k] === 'string' || typeof record[k] === 'number');
    return key ? (record[key] as string | number) : JSON.stringify(value);
  }
  return value as string | number | boolean;
}

/** The cells of one item in column order. */
export function cellsOf(item: unknown, columns: readonly CsvColumn[]): (string | number | boolean | null)[] {
  return columns.map((column) => {
    let value: unknown = item;
    for (const key of column.path) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
    return textOf(value);
  });
}
