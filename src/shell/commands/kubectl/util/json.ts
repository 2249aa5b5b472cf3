/**
 * Loose JSON access for printers and verbs. API objects arrive as plain JSON-shaped data whose
 * optional fields may be missing at any depth; printers read them the way kubectl's Go code reads
 * zero values, so a missing field reads as undefined rather than failing type checks.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** True when `value` is a plain object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of JSON data (objects from the store are frozen). */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
