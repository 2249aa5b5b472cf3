/**
 * `awk [-F FS] [-v VAR=VALUE]… 'PROGRAM' [FILE…]` — the subset tutorials use (see parse.ts).
 * Debian 12's awk is mawk, so errors read `awk: line 1: syntax error at or near }` (status 2).
 * Records from stdin are processed as they stream in.
 */
import type { Command } from '../../types.ts';
import { errText, fsOf, splitLines } from '../../lib/files.ts';
import { AwkSyntaxError, parseAwk } from './parse.ts';
import { RegexBudgetError } from '../../lib/regex.ts';
import { AwkMachine, AwkRuntimeError } from './run.ts';

export const command: Command = {
  name: 'awk',
  summary: 'Pattern scanning and text processing language (a subset).',
  async run(ctx) {
    let fs: string | undefined;
    const assigns: [string, string][] = [];
    let program: string | undefined;
    let i = 0;
    const args = ctx.args;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      if (a === '-F') fs = args[++i];
      else if (a.startsWith('-F')) fs = a.slice(2);
      else if (a === '-v' || (a.startsWith('-v') && a.length > 2)) {
        const spec = a === '-v' ? args[++i] : a.slice(2);
        const eq = spec?.indexOf('=') ?? -1;
        if (!spec || eq <= 0) {
          ctx.stderr.write(`awk: improper assignment: -v ${spec ?? ''}\n`);
          return 2;
        }
        assigns.push([spec.slice(0, eq), spec.slice(eq + 1)]);
      } else if (a === '-f') {
        try {
          program = fsOf(ctx).readFile(args[++i] ?? '');
        } catch (e) {
          ctx.stderr.write(`awk: couldn't open file ${args[i]}: ${errText(e)}\n`);
          return 2;
        }
      } else if (a.startsWith('-') && a.length > 1) {
        ctx.stderr.write(`awk: not an option: ${a}\n`);
        return 2;
      } else break;
    }
    if (program === undefined) {
      if (i >= args.length) {
        ctx.stderr.write('usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n');
        return 2;
      }
      program = args[i++];
    }
    let rules;
    try {
      rules = parseAwk(program);
    } catch (e) {
      if (e instanceof AwkSyntaxError) {
        ctx.stderr.write(`awk: line 1: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    if (fs !== undefined) assigns.unshift(['FS', fs === 't' ? '\t' : fs.replace(/\\t/g, '\t')]);
    const machine = new AwkMachine(rules, ctx.stdout, assigns);
    const operands = args.slice(i);
    try {
      let status = machine.begin();
      if (status !== undefined) return status;
      const needsInput = rules.some((r) => r.kind !== 'begin');
      if (needsInput) {
        const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o));
        for (const o of operands) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(o);
          if (m) machine.setVar(m[1], m[2]);
        }
        if (files.length === 0) files.push('-');
        for (const f of files) {
          if (f === '-') {
            for (;;) {
              const line = await ctx.stdin.readLine();
              if (line === null) break;
              status = machine.record(line);
              if (status !== undefined) return machine.end() ?? status;
            }
            continue;
          }
          let text: string;
          try {
            text = fsOf(ctx).readFile(f);
          } catch (e) {
            ctx.stderr.write(`awk: cannot open ${f} (${errText(e)})\n`);
            return 2;
          }
          for (const line of splitLines(text)) {
            status = machine.record(line);
            if (status !== undefined) return machine.end() ?? status;
          }
        }
      }
      return machine.end() ?? 0;
    } catch (e) {
      if (e instanceof AwkRuntimeError) {
        ctx.stderr.write(`awk: run time error: ${e.message}\n`);
        return 2;
      }
      // a regex search past its step budget (a huge pattern over a huge record)
      if (e instanceof RegexBudgetError) {
        ctx.stderr.write('awk: fatal: memory exhausted\n');
        return 2;
      }
      throw e;
    }
  },
};
