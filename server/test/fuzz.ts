/**
 * Hostile-input generation for the fuzz walk (server/fuzz.test.ts): a valid example of a JSON schema taken from
 * the OpenAPI document, and variants of it that no route may accept (wrong types, missing fields, huge strings,
 * control characters, impossible dates, unknown enum values, deep nesting, null, arrays for objects).
 */

/** A JSON schema node as @fastify/swagger writes it from zod. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

/** A small seeded PRNG (mulberry32): the same operation gets the same variants in every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of a string (FNV-1a). */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.flatMap(typesOf);
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

/** True when the schema accepts null. */
export function isNullable(schema: JsonSchema): boolean {
  return typesOf(schema).includes('null') || (schema.enum ?? []).includes(null) || schema.const === null;
}

/** The first non-null alternative of a union (or the schema itself). */
export function mainOf(schema: JsonSchema): JsonSchema {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return mainOf(alternatives.find((s) => !isNullable(s) || typesOf(s).some((t) => t !== 'null')) ?? alternatives[0]!);
  if (schema.allOf?.length) return mainOf(schema.allOf[0]!);
  return schema;
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid': return '00000000-0000-4000-8000-000000000000';
    case 'date-time': return '2026-10-01T15:00:00.000Z';
    case 'date': return '2026-10-01';
    case 'time': return '10:00:00';
    case 'email': return 'someone@example.test';
    case 'uri': case 'url': return 'https://example.test/';
    default: break;
  }
  if (schema.pattern) {
    for (const candidate of ['2026-10-01', '2026-10', '10:00', '10-01', '09:00', '00000000-0000-4000-8000-000000000000', 'ABC', 'abc', '1', '12345']) {
      try { if (new RegExp(schema.pattern, 'u').test(candidate)) return candidate; } catch { break; }
    }
  }
  const length = Math.max(schema.minLength ?? 1, Math.min(5, schema.maxLength ?? 5));
  return 'Sample text'.padEnd(length, 'x').slice(0, Math.max(length, Math.min(11, schema.maxLength ?? 11)));
}

/** A value the schema accepts (as far as a JSON schema can say): required properties only. */
export function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum.find((v) => v !== null) ?? null;
  const main = mainOf(schema);
  if (main !== schema) return sample(main, depth);
  const type = typesOf(schema).find((t) => t !== 'null');
  switch (type) {
    case 'string': return sampleString(schema);
    case 'integer': case 'number': {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(low, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean': return false;
    case 'array': return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], depth + 1);
      return out;
    }
    default: return null;
  }
}

/** One hostile request part: where it goes, what it is, and a label for the failure list. */
export interface Variant {
  label: string;
  value: unknown;
}

function deep(levels: number): unknown {
  let value: unknown = { x: 1 };
  for (let i = 0; i < levels; i++) value = { x: value };
  return value;
}

/** Values no field of this schema may take, each with a label. */
export function hostileValues(schema: JsonSchema): Variant[] {
  const main = mainOf(schema);
  const types = typesOf(main).filter((t) => t !== 'null');
  const out: Variant[] = [];
  if (!isNullable(schema)) out.push({ label: 'null', value: null });
  if (main.enum) out.push({ label: 'unknown enum value', value: '__not_a_value__' });
  const type = types[0];
  if (type === 'string') {
    out.push({ label: 'number for string', value: 12345 });
    out.push({ label: 'NUL character', value: `A\u0000B` });
    out.push({ label: 'control character', value: `A\u0007\u001bB` });
    out.push({ label: 'huge string', value: 'x'.repeat(Math.max((main.maxLength ?? 250_000) + 1, 1)) });
    out.push({ label: 'object for string', value: { $gt: '' } });
    if (main.format === 'date' || main.format === 'date-time' || /\\d\{4\}/.test(main.pattern ?? '')) {
      out.push({ label: 'impossible date', value: main.format === 'date-time' ? '2026-02-30T25:61:00Z' : '2026-02-30' });
      out.push({ label: 'not a date', value: 'yesterday' });
    }
    if (main.format === 'uuid') out.push({ label: 'not a uuid', value: "1' OR '1'='1" });
  } else if (type === 'integer' || type === 'number') {
    out.push({ label: 'string for number', value: 'twelve' });
    out.push({ label: 'huge number', value: 1e308 });
    if (type === 'integer') out.push({ label: 'fraction for integer', value: 1.5 });
  } else if (type === 'boolean') {
    out.push({ label: 'string for boolean', value: 'yes' });
  } else if (type === 'array') {
    out.push({ label: 'object for array', value: { 0: 'a' } });
    out.push({ label: 'deep nesting in array', value: [deep(200)] });
  } else if (type === 'object') {
    out.push({ label: 'array for object', value: [] });
    out.push({ label: 'deep nesting', value: deep(200) });
  }
  return out;
}

/** Query-string values no parameter may take (everything in a query is text). */
export function hostileQueryValues(schema: JsonSchema): Variant[] {
  const main = mainOf(schema);
  const out: Variant[] = [
    { label: 'NUL character', value: 'A\u0000B' },
    { label: 'huge string', value: 'x'.repeat(Math.max((main.maxLength ?? 250_000) + 1, 1)) },
  ];
  if (main.enum) out.push({ label: 'unknown enum value', value: '__not_a_value__' });
  const type = typesOf(main).find((t) => t !== 'null');
  if (type === 'integer' || type === 'number') out.push({ label: 'not a number', value: 'twelve' });
  if (type === 'boolean') out.push({ label: 'not a boolean', value: 'maybe' });
  if (main.format === 'date' || main.format === 'date-time') out.push({ label: 'impossible date', value: '2026-02-30' });
  if (main.format === 'uuid') out.push({ label: 'not a uuid', value: "1' OR '1'='1" });
  return out;
}

/** Picks `count` items of `items` with the PRNG (all of them when there are fewer). */
export function pick<T>(items: T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (pool.length > 0 && out.length < count) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}
