/**
 * Compiles a regex tree to a small instruction program (Thompson's construction) that both
 * matchers run: the Pike VM (linear time) and, for back-references only, the bounded backtracker.
 */
import { RegexSyntaxError } from './ast.ts';
import { requiredLiteral } from './ast.ts';
import type { AssertKind, ParsedRegex, RegexNode } from './ast.ts';

export const CHAR = 0;
export const SPLIT = 1;
export const JMP = 2;
export const SAVE = 3;
export const ASSERT = 4;
export const BACKREF = 5;
/** Records the position in a loop register when an iteration of a nullable loop starts. */
export const MARK = 6;
/** Fails an iteration of a nullable loop that consumed nothing (the backtracker would spin). */
export const CHECK = 7;
export const MATCH = 8;

/** One instruction; `x` is a jump target, a split's preferred target, a slot or a register. */
export interface Inst {
  op: number;
  x: number;
  y: number;
  test?: (cp: number) => boolean;
  a?: AssertKind;
}

/** A compiled pattern: `slots` capture positions (2 per group, group 0 the whole match), then `regs` loop registers. */
export interface Program {
  insts: Inst[];
  slots: number;
  regs: number;
  backrefs: boolean;
  ignoreCase: boolean;
  /** A string every match contains ('' if none is known): inputs without it cannot match. */
  required: string;
  /** The matchers' scratch space, reused between searches (a search never re-enters). */
  scratch?: { seen: Int32Array; gen: number };
}

/** glibc refuses patterns whose automaton would be this large ("Regular expression too big"). */
const MAX_INSTS = 1 << 18;

function nullable(n: RegexNode): boolean {
  switch (n.k) {
    case 'char':
      return false;
    case 'group':
      return nullable(n.body);
    case 'cat':
      return n.items.every(nullable);
    case 'alt':
      return n.alts.some(nullable);
    case 'rep':
      return n.min === 0 || nullable(n.body);
    default:
      return true;
  }
}

/** Compiles `parsed`; throws RegexSyntaxError('Regular expression too big') past the size bound. */
export function compileProgram(parsed: ParsedRegex, ignoreCase: boolean): Program {
  const insts: Inst[] = [];
  let regs = 0;
  const emit = (op: number, x = 0, y = 0): number => {
    if (insts.length >= MAX_INSTS) throw new RegexSyntaxError('Regular expression too big');
    insts.push({ op, x, y });
    return insts.length - 1;
  };
  const gen = (n: RegexNode): void => {
    switch (n.k) {
      case 'char':
        insts[emit(CHAR)].test = n.test;
        return;
      case 'assert':
        insts[emit(ASSERT)].a = n.a;
        return;
      case 'backref':
        emit(BACKREF, n.n);
        return;
      case 'group':
        emit(SAVE, 2 * n.n);
        gen(n.body);
        emit(SAVE, 2 * n.n + 1);
        return;
      case 'cat':
        for (const item of n.items) gen(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        n.alts.forEach((a, idx) => {
          if (idx < n.alts.length - 1) {
            const split = emit(SPLIT);
            insts[split].x = split + 1;
            gen(a);
            jumps.push(emit(JMP));
            insts[split].y = insts.length;
          } else gen(a);
        });
        for (const j of jumps) insts[j].x = insts.length;
        return;
      }
      case 'rep':
        rep(n.body, n.min, n.max);
        return;
    }
  };
  const rep = (body: RegexNode, min: number, max: number): void => {
    for (let k = 0; k < min; k++) gen(body);
    if (max === -1) {
      const guard = nullable(body);
      const r = guard ? regs++ : 0;
      const split = emit(SPLIT);
      insts[split].x = split + 1;
      if (guard) emit(MARK, r);
      gen(body);
      if (guard) emit(CHECK, r);
      emit(JMP, split);
      insts[split].y = insts.length;
      return;
    }
    const splits: number[] = [];
    for (let k = min; k < max; k++) {
      const split = emit(SPLIT);
      insts[split].x = split + 1;
      splits.push(split);
      gen(body);
    }
    for (const s of splits) insts[s].y = insts.length;
  };
  emit(SAVE, 0);
  gen(parsed.root);
  emit(SAVE, 1);
  emit(MATCH);
  return { insts, slots: 2 * (parsed.groups + 1), regs, backrefs: parsed.backrefs, ignoreCase, required: requiredLiteral(parsed.root) };
}
