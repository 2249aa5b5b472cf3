/**
 * `${x:OFF}`, `${x:OFF:LEN}` on a string, `${@:OFF:LEN}` / `${*:…}` on the positional
 * parameters and `${a[@]:OFF:LEN}` on an array, as bash 5.2's subst.c verify_substring_values
 * and parameter_brace_substring compute them:
 *
 * - OFF and LEN are arithmetic expressions; a negative OFF counts from the end (`${x: -1}`,
 *   the space keeps it from being `:-`). For the positional parameters the count includes $0
 *   (`len = number_of_args () + 1`), so `${@:0}` starts with $0 and `${@: -1}` is the last one.
 * - An OFF before the start or past the end gives nothing (no error).
 * - A negative LEN counts from the end for a string, and `LEN: substring expression < 0` when
 *   that end lies before OFF; for the positional parameters and arrays any negative LEN is that
 *   error (internal_error, status 1).
 */
import { ArithError, evaluateArithmetic } from './arith.ts';
import type { ArithVars } from './arith.ts';
import { ExpansionError } from './expand.ts';

/** What is sliced: a string's characters, the positional parameters (with $0), or array elements. */
export type SubstringKind = 'string' | 'positional' | 'array';

function evaluate(text: string, vars: ArithVars): number {
  if (text.trim() === '') return 0;
  try {
    return evaluateArithmetic(text, vars);
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(`bash: ${e.message}`);
    throw e;
  }
}

/** Splits `OFF:LEN` at the first colon that is not the `:` of a `?:` inside OFF. */
function splitSpec(spec: string): [string, string | undefined] {
  let pending = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '?') pending++;
    else if (c === ':') {
      if (pending === 0) return [spec.slice(0, i), spec.slice(i + 1)];
      pending--;
    }
  }
  return [spec, undefined];
}

/**
 * The [start, end) range of `${…:spec}` over `count` items (characters, parameters counted from
 * $0, or elements). Returns undefined when the offset is out of range (the expansion is empty);
 * throws ExpansionError for `substring expression < 0` and for arithmetic errors.
 */
export function substringRange(spec: string, count: number, kind: SubstringKind, vars: ArithVars): [number, number] | undefined {
  const [offText, lenText] = splitSpec(spec);
  let start = evaluate(offText, vars);
  // positional: count is n + 1 ($0 … $n), bash's number_of_args () + 1
  const len = count;
  if (start < 0) start += len;
  if (start > len || start < 0) return undefined;
  if (lenText === undefined) return [start, len];
  let end = evaluate(lenText, vars);
  if (end < 0 && kind !== 'string') throw new ExpansionError(`bash: ${lenText}: substring expression < 0`);
  if (end < 0) {
    end += len;
    if (end < 0 || end < start) throw new ExpansionError(`bash: ${lenText}: substring expression < 0`);
  } else end += start;
  return [start, Math.min(end, len)];
}
