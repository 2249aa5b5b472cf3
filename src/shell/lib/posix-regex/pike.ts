/**
 * The Pike VM: runs a program over the input once, keeping at most one thread per instruction,
 * so a search costs O(input × program) whatever the pattern (no catastrophic backtracking).
 * Matches are POSIX leftmost-longest: the earliest start wins, then the longest end.
 */
import { isWordChar, RegexBudgetError } from './ast.ts';
import type { AssertKind } from './ast.ts';
import { ASSERT, CHAR, JMP, MATCH, SAVE, SPLIT } from './compile.ts';
import type { Program } from './compile.ts';

/** The code point ending just before `pos`, or -1 at the start. */
function before(s: string, pos: number): number {
  if (pos <= 0) return -1;
  const c = s.charCodeAt(pos - 1);
  if (c >= 0xdc00 && c <= 0xdfff && pos >= 2) {
    const h = s.charCodeAt(pos - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** Whether the zero-width assertion `a` holds at `pos` of `s`. */
export function assertionHolds(a: AssertKind, s: string, pos: number): boolean {
  switch (a) {
    case 'bol':
      return pos === 0;
    case 'eol':
      return pos === s.length;
    default: {
      const w0 = pos > 0 && isWordChar(before(s, pos));
      const w1 = pos < s.length && isWordChar(s.codePointAt(pos) as number);
      if (a === 'word-boundary') return w0 !== w1;
      if (a === 'not-word-boundary') return w0 === w1;
      if (a === 'word-start') return !w0 && w1;
      if (a === 'word-end') return w0 && !w1;
      if (a === 'no-word-before') return !w0;
      return !w1;
    }
  }
}

/**
 * The character tests a match can start with, or null when a match may start without reading a
 * character (an assertion or an empty match comes first): lets a search skip hopeless positions.
 */
function firstTests(prog: Program): ((cp: number) => boolean)[] | null {
  const tests: ((cp: number) => boolean)[] = [];
  const seen = new Set<number>();
  const todo = [0];
  while (todo.length > 0) {
    const pc = todo.pop() as number;
    if (seen.has(pc)) continue;
    seen.add(pc);
    const inst = prog.insts[pc];
    if (inst.op === CHAR) tests.push(inst.test as (cp: number) => boolean);
    else if (inst.op === SPLIT) todo.push(inst.x, inst.y);
    else if (inst.op === JMP) todo.push(inst.x);
    else if (inst.op === ASSERT || inst.op === MATCH) return null;
    else todo.push(pc + 1);
  }
  return tests;
}

/**
 * Thread steps one search may take. Linear time is still input × pattern: a 15,000-character
 * pattern run over a 15,000-character line would take minutes, so past this bound (~0.3 s) the search
 * gives up as GNU grep does when its automaton outgrows memory ("memory exhausted"). Everyday
 * patterns over lines of any realistic length stay far below it.
 */
export const PIKE_BUDGET = 4_000_000;

const firstCache = new WeakMap<Program, ((cp: number) => boolean)[] | null>();

/**
 * Searches `s` from `from` for the leftmost-longest match; returns its capture slots (start/end
 * pairs, -1 when a group did not take part) or null. With `capture` false it stops at the first
 * match found and returns an empty array (enough for "does the line match").
 */
export function pikeSearch(prog: Program, s: string, from: number, capture: boolean): number[] | null {
  if (prog.required !== '' && s.indexOf(prog.required, from) < 0) return null;
  if (!capture) return pikeTest(prog, s, from) ? [] : null;
  const insts = prog.insts;
  const scratch = (prog.scratch ??= { seen: new Int32Array(insts.length).fill(-1), gen: 0 });
  const seen = scratch.seen;
  let first = firstCache.get(prog);
  if (first === undefined) firstCache.set(prog, (first = firstTests(prog)));
  const stack: (number | number[])[] = [];
  const none: number[] = [];
  // follows jumps, splits, saves and assertions from pc; appends the threads that wait on a
  // character (or match) to pcs/caps in priority order
  let work = 0;
  const add = (pcs: number[], capsList: number[][], pc0: number, caps0: number[], pos: number): void => {
    const gen = scratch.gen;
    stack.push(caps0, pc0);
    while (stack.length > 0) {
      if (++work > PIKE_BUDGET) throw new RegexBudgetError();
      const pc = stack.pop() as number;
      const caps = stack.pop() as number[];
      if (seen[pc] === gen) continue;
      seen[pc] = gen;
      const inst = insts[pc];
      switch (inst.op) {
        case JMP:
          stack.push(caps, inst.x);
          break;
        case SPLIT:
          stack.push(caps, inst.y, caps, inst.x);
          break;
        case SAVE:
          if (capture) {
            const c = caps.slice();
            c[inst.x] = pos;
            stack.push(c, pc + 1);
          } else stack.push(caps, pc + 1);
          break;
        case ASSERT:
          if (assertionHolds(inst.a as AssertKind, s, pos)) stack.push(caps, pc + 1);
          break;
        case CHAR:
        case MATCH:
          pcs.push(pc);
          capsList.push(caps);
          break;
        default: // MARK/CHECK: the one-thread-per-instruction rule already stops empty loops
          stack.push(caps, pc + 1);
      }
    }
  };
  const init = capture ? new Array<number>(prog.slots).fill(-1) : none;
  let cpcs: number[] = [];
  let ccaps: number[][] = [];
  let npcs: number[] = [];
  let ncaps: number[][] = [];
  let best: number[] | null = null;
  let pos = from;
  scratch.gen++;
  for (;;) {
    if (best === null) {
      if (cpcs.length === 0) {
        // nothing running: a fresh generation (marks from a skipped position must not hide
        // states), then jump to the next position where a match can start
        scratch.gen++;
        if (first !== null) {
          for (let c = s.codePointAt(pos); c !== undefined && !startsHere(first, c); c = s.codePointAt(pos)) pos += c > 0xffff ? 2 : 1;
          if (pos >= s.length) return null;
        }
      }
      add(cpcs, ccaps, 0, init, pos);
    }
    if (cpcs.length === 0 && best !== null) break;
    const cp = pos < s.length ? (s.codePointAt(pos) as number) : -1;
    const next = pos + (cp > 0xffff ? 2 : 1);
    scratch.gen++;
    for (let t = 0; t < cpcs.length; t++) {
      const inst = insts[cpcs[t]];
      const caps = ccaps[t];
      if (inst.op === MATCH) {
        if (!capture) return none;
        if (best === null || caps[0] < best[0] || (caps[0] === best[0] && caps[1] > best[1])) best = caps;
        continue;
      }
      if (best !== null && caps[0] > best[0]) continue;
      if (cp >= 0 && (inst.test as (cp: number) => boolean)(cp)) add(npcs, ncaps, cpcs[t] + 1, caps, next);
    }
    [cpcs, npcs] = [npcs, cpcs];
    [ccaps, ncaps] = [ncaps, ccaps];
    npcs.length = 0;
    ncaps.length = 0;
    if (cp < 0) break;
    pos = next;
  }
  return best;
}

function startsHere(tests: ((cp: number) => boolean)[], cp: number): boolean {
  for (const t of tests) if (t(cp)) return true;
  return false;
}

interface TestScratch {
  seen: Int32Array;
  gen: number;
  clist: Int32Array;
  nlist: Int32Array;
  stack: Int32Array;
}

const testScratch = new WeakMap<Program, TestScratch>();

/**
 * pikeSearch without captures ("does it match at all?", grep's question for every line): the
 * same simulation on typed arrays of instruction numbers, stopping at the first match.
 */
function pikeTest(prog: Program, s: string, from: number): boolean {
  const insts = prog.insts;
  const n = insts.length;
  let sc = testScratch.get(prog);
  if (!sc) {
    sc = { seen: new Int32Array(n).fill(-1), gen: 0, clist: new Int32Array(n), nlist: new Int32Array(n), stack: new Int32Array(2 * n + 2) };
    testScratch.set(prog, sc);
  }
  const { seen, stack } = sc;
  let clist = sc.clist;
  let nlist = sc.nlist;
  let first = firstCache.get(prog);
  if (first === undefined) firstCache.set(prog, (first = firstTests(prog)));
  let work = 0;
  // closure of pc at pos into list (from index len); returns the new length, or -1 on a match
  const add = (list: Int32Array, len: number, pc0: number, pos: number): number => {
    const gen = sc.gen;
    let top = 0;
    stack[top++] = pc0;
    while (top > 0) {
      if (++work > PIKE_BUDGET) throw new RegexBudgetError();
      const pc = stack[--top];
      if (seen[pc] === gen) continue;
      seen[pc] = gen;
      const inst = insts[pc];
      const op = inst.op;
      if (op === CHAR) list[len++] = pc;
      else if (op === MATCH) return -1;
      else if (op === SPLIT) {
        stack[top++] = inst.y;
        stack[top++] = inst.x;
      } else if (op === JMP) stack[top++] = inst.x;
      else if (op === ASSERT) {
        if (assertionHolds(inst.a as AssertKind, s, pos)) stack[top++] = pc + 1;
      } else stack[top++] = pc + 1; // SAVE, MARK, CHECK
    }
    return len;
  };
  let pos = from;
  let cn = 0;
  sc.gen++;
  for (;;) {
    if (cn === 0) {
      // nothing carried over: a fresh generation, so marks from a skipped position do not hide states
      sc.gen++;
      if (first !== null) {
        for (let c = s.codePointAt(pos); c !== undefined && !startsHere(first, c); c = s.codePointAt(pos)) pos += c > 0xffff ? 2 : 1;
        if (pos >= s.length) return false;
      }
    }
    cn = add(clist, cn, 0, pos);
    if (cn < 0) return true;
    if (pos >= s.length) return false;
    const cp = s.codePointAt(pos) as number;
    const next = pos + (cp > 0xffff ? 2 : 1);
    sc.gen++;
    let nn = 0;
    for (let t = 0; t < cn; t++) {
      const pc = clist[t];
      if ((insts[pc].test as (cp: number) => boolean)(cp)) {
        nn = add(nlist, nn, pc + 1, next);
        if (nn < 0) return true;
      }
    }
    [clist, nlist] = [nlist, clist];
    cn = nn;
    pos = next;
  }
}
