/**
 * Turns zod issues into messages a person can act on, in the manner of Starlight's error map:
 * each line names the field, says what was expected and what was received, and — where we know
 * one — how to fix it. Used for lab definitions and for submissions.
 */
import type { z } from 'zod';

/** Suggests a fix for one issue at `path` (e.g. "tasks[2].hints"), or undefined. */
export type FixHint = (path: string, issue: z.core.$ZodIssue) => string | undefined;

/** "tasks[2].hints" for ['tasks', 2, 'hints']; "(root)" for []. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** A short, safe description of a received value: `a string ("abc")`, `a number (3)`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  switch (typeof value) {
    case 'string':
      return `a string (${preview(value)})`;
    case 'number':
    case 'bigint':
      return `a number (${String(value)})`;
    case 'boolean':
      return `a boolean (${String(value)})`;
    case 'function':
      return 'a function';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine);
}

const typeWords: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  array: 'a list',
  object: 'an object',
  function: 'a function',
  int: 'a whole number',
  record: 'an object',
};

/** One issue as "field: expected …, received …". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  const received = 'input' in issue ? describeValue(issue.input) : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeWords[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `${where}: missing, expected ${expected}`;
      return `${where}: expected ${expected}, received ${received}`;
    }
    case 'invalid_value':
      if (issue.input === undefined) return `${where}: missing, expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, received ${received}`;
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      return `${where}: unknown field${issue.keys.length === 1 ? '' : 's'} ${keys}`;
    }
    case 'too_small':
    case 'too_big':
      return `${where}: ${lowerFirst(issue.message)}${received ? `, received ${received}` : ''}`;
    case 'invalid_format':
      return `${where}: ${lowerFirst(issue.message)}, received ${received}`;
    case 'invalid_union':
      return `${where}: not any of the accepted forms${received ? `, received ${received}` : ''}`;
    default:
      return `${where}: ${lowerFirst(issue.message)}`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The whole message: a title line, then one "  - field: …" line per issue and an indented
 * "Fix: …" line where `fix` has advice. Issues are sorted by field so the text is stable.
 */
export function formatIssues(title: string, issues: readonly z.core.$ZodIssue[], fix?: FixHint): string {
  const lines = [title];
  const sorted = issues.flatMap(expandUnion).sort((a, b) => comparePaths(a.path, b.path));
  for (const issue of sorted.slice(0, 20)) {
    lines.push(`  - ${describeIssue(issue)}`);
    const advice = fix?.(formatPath(issue.path), issue);
    if (advice) lines.push(`    Fix: ${advice}`);
  }
  if (sorted.length > 20) lines.push(`  … and ${sorted.length - 20} more problems`);
  return lines.join('\n');
}

/**
 * A union failed: if one alternative matched the value's type and failed deeper inside, its
 * issues say more than "invalid input"; report those (with the full path) instead.
 */
function expandUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const deeper = issue.errors.find((alt) => alt.length > 0 && alt.every((i) => i.path.length > 0));
  if (!deeper) return [issue];
  return deeper.flatMap((i) => expandUnion({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

function comparePaths(a: readonly PropertyKey[], b: readonly PropertyKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
