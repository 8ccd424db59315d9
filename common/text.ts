import { z } from 'zod';

/**
 * The shared text fields of every schema (server validation and web forms). A text is trimmed, NFC-normalized
 * (one spelling per accented name, so search and uniqueness agree), limited in length, and refuses control
 * characters: NUL and the other C0/C1 controls always; tab and line breaks unless the field is multi-line.
 * The server's input layer (server/lib/input.ts) refuses the always-forbidden ones on every route as well.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ALWAYS_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_CONTROLS = /[\t\n\r]/;

/** Fields at least this long default to multi-line (notes, narratives); shorter ones (names, titles) to one line. */
export const MULTILINE_FROM = 300;

/** Options of a text field. */
export interface TextOptions {
  /** Allow tab and line breaks; default: `max >= MULTILINE_FROM`. */
  multiline?: boolean;
}

function bounded(max: number, options: TextOptions, min: number) {
  const multiline = options.multiline ?? max >= MULTILINE_FROM;
  let schema = z.string().normalize('NFC').trim();
  if (min > 0) schema = schema.min(min);
  return schema.max(max)
    .refine((value) => !ALWAYS_FORBIDDEN.test(value), { message: 'must not contain control characters' })
    .refine((value) => multiline || !LINE_CONTROLS.test(value), { message: 'must be on one line (no tab or line break)' });
}

/** A required text of 1..max characters after trimming. */
export function text(max: number, options: TextOptions = {}) {
  return bounded(max, options, 1);
}

/** An optional text (null or absent clears it); may be empty. */
export function optionalText(max: number, options: TextOptions = {}) {
  return bounded(max, options, 0).nullable().optional();
}

/** A single-line text whatever its length (an address, a URL-ish reference). */
export function line(max: number) {
  return bounded(max, { multiline: false }, 1);
}

/** A text that may be empty after trimming (a filter, a search box). */
export function anyText(max: number, options: TextOptions = {}) {
  return bounded(max, options, 0);
}
