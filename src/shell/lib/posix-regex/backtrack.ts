/**
 * A backtracking matcher for patterns with back-references (`\(a*\)\1`), which no automaton can
 * run. It explores every path from each start for the longest match (POSIX), so it can take
 * exponential time: a step budget bounds it, and running out is GNU grep's "memory exhausted"
 * (what grep prints when glibc's matcher gives up on such a pattern).
 */
import { ASSERT, BACKREF, CHAR, CHECK, JMP, MARK, MATCH, SAVE, SPLIT } from './compile.ts';
import { RegexBudgetError } from './ast.ts';
import type { AssertKind } from './ast.ts';
import type { Program } from './compile.ts';
import { assertionHolds } from './pike.ts';

/** Steps one search may take before giving up. */
export const BACKTRACK_BUDGET = 1_000_000;

export { RegexBudgetError };

function sameText(a: string, b: string, ignoreCase: boolean): boolean {
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * Searches `s` from `from`; returns the capture slots of the leftmost-longest match or null.
 * Throws RegexBudgetError past `budget` steps.
 */
export function backtrackSearch(prog: Program, s: string, from: number, budget = BACKTRACK_BUDGET): number[] | null {
  const insts = prog.insts;
  let steps = 0;
  const stack: (number | number[])[] = [];
  for (let start = from; start <= s.length; ) {
    const init = new Array<number>(prog.slots + prog.regs).fill(-1);
    let best: number[] | null = null;
    stack.push(init, start, 0);
    while (stack.length > 0) {
      if (++steps > budget) throw new RegexBudgetError();
      const pc = stack.pop() as number;
      const pos = stack.pop() as number;
      const caps = stack.pop() as number[];
      const inst = insts[pc];
      switch (inst.op) {
        case CHAR: {
          if (pos >= s.length) break;
          const cp = s.codePointAt(pos) as number;
          if ((inst.test as (cp: number) => boolean)(cp)) stack.push(caps, pos + (cp > 0xffff ? 2 : 1), pc + 1);
          break;
        }
        case SPLIT:
          stack.push(caps, pos, inst.y, caps, pos, inst.x);
          break;
        case JMP:
          stack.push(caps, pos, inst.x);
          break;
        case SAVE:
        case MARK: {
          const c = caps.slice();
          c[inst.op === SAVE ? inst.x : prog.slots + inst.x] = pos;
          stack.push(c, pos, pc + 1);
          break;
        }
        case CHECK:
          if (caps[prog.slots + inst.x] !== pos) stack.push(caps, pos, pc + 1);
          break;
        case ASSERT:
          if (assertionHolds(inst.a as AssertKind, s, pos)) stack.push(caps, pos, pc + 1);
          break;
        case BACKREF: {
          const b = caps[2 * inst.x];
          const e = caps[2 * inst.x + 1];
          if (b < 0 || e < 0) break;
          if (sameText(s.slice(pos, pos + e - b), s.slice(b, e), prog.ignoreCase)) stack.push(caps, pos + e - b, pc + 1);
          break;
        }
        case MATCH:
          if (best === null || pos > best[1]) best = caps;
          break;
      }
    }
    if (best !== null) return best.slice(0, prog.slots);
    const cp = s.codePointAt(start);
    start += cp !== undefined && cp > 0xffff ? 2 : 1;
  }
  return null;
}
