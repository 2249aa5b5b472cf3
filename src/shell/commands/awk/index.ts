/**
 * `awk [-W OPT] [-F FS] [-v VAR=VALUE]… 'PROGRAM' [FILE…]` — the subset tutorials use (see
 * parse.ts). Debian 12's awk is mawk 1.3.4 20200120, so errors read as mawk prints them under
 * the name it was run as: `awk: line 1: syntax error at or near }`, `awk: line 1: regular
 * expression compile failed (missing operand)` (status 2), run-time ones with mawk's
 * `\tFILENAME="-" FNR=1 NR=1` line. Records from stdin are processed as they stream in.
 */
import type { Command } from '../../types.ts';
import { errText, fsOf, splitLines } from '../../lib/files.ts';
import { AwkSyntaxError, parseAwk } from './parse.ts';
import { RegexBudgetError } from '../../lib/regex.ts';
import { AwkMachine, AwkRuntimeError } from './run.ts';
import { mawkRegexError } from './mawk-regex.ts';

/**
 * `mawk -W version` of Debian 12's mawk 1.3.4 20200120 (version.c): the banner goes to stdout,
 * the limits to stderr (only 20200828 moved them to stdout). Text as recorded from that build.
 */
const VERSION_STDOUT = 'mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n';
const VERSION_STDERR = 'random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n';
/** init.c's -W names (20200120), matched by any case-blind prefix as ok_abbrev does. */
const W_OPTIONS = ['VERSION', 'DUMP', 'HELP', 'INTERACTIVE', 'EXEC', 'RANDOM', 'SPRINTF', 'POSIX_SPACE', 'USAGE'];

/**
 * init.c usage() as built from 2014 (-W help/usage, and no arguments at all) until -W posix and
 * traditional replaced posix_space (20200724); text as a mawk 1.3.4 of that span prints it. Before
 * 20200828 it went to stderr (CHANGES 20200828 moved -W help to stdout) and mawk exits 0.
 */
const USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a "--" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed with "-W".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W posix_space   do not consider "\\n" a space.
    -W usage         show this message and exit.
`;

export const command: Command = {
  name: 'awk',
  summary: 'Pattern scanning and text processing language (a subset).',
  async run(ctx) {
    let fs: string | undefined;
    const assigns: [string, string][] = [];
    let program: string | undefined;
    let i = 0;
    const args = ctx.args;
    const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      // init.c: a bare -W, -F, -v or -f as the last word has nothing to take
      if (['-W', '-F', '-v', '-f'].includes(a) && i === args.length - 1) {
        ctx.stderr.write(`${prog}: option ${a} lacks argument\n`);
        return 2;
      }
      if (a === '-W' || (a.startsWith('-W') && a.length > 2)) {
        const value = a === '-W' ? args[++i] : a.slice(2);
        for (const opt of value.split(',').filter((o) => o !== '')) {
          const name = opt.split('=')[0].toUpperCase();
          const known = name === '' ? undefined : W_OPTIONS.find((w) => w.startsWith(name));
          if (known === 'VERSION') {
            ctx.stdout.write(VERSION_STDOUT);
            ctx.stderr.write(VERSION_STDERR);
            return 0;
          }
          if (known === 'HELP' || known === 'USAGE') {
            ctx.stderr.write(USAGE);
            return 0;
          }
          if (known === undefined) ctx.stderr.write(`${prog}: vacuous option: -W ${opt}\n`);
          else if (known !== 'INTERACTIVE' && known !== 'POSIX_SPACE' && known !== 'SPRINTF' && known !== 'RANDOM') {
            ctx.stderr.write(`petlab: 'awk -W ${opt}' is not available in this lab\n`);
            return 1;
          }
        }
        continue;
      }
      if (a === '-F') fs = args[++i];
      else if (a.startsWith('-F')) fs = a.slice(2);
      else if (a === '-v' || (a.startsWith('-v') && a.length > 2)) {
        const spec = a === '-v' ? args[++i] : a.slice(2);
        const eq = spec?.indexOf('=') ?? -1;
        if (!spec || eq <= 0) {
          ctx.stderr.write(`${prog}: improper assignment: -v ${spec ?? ''}\n`);
          return 2;
        }
        assigns.push([spec.slice(0, eq), spec.slice(eq + 1)]);
      } else if (a === '-f') {
        try {
          program = fsOf(ctx).readFile(args[++i] ?? '');
        } catch (e) {
          ctx.stderr.write(`${prog}: couldn't open file ${args[i]}: ${errText(e)}\n`);
          return 2;
        }
      } else if (a.startsWith('-') && a.length > 1) {
        ctx.stderr.write(`${prog}: not an option: ${a}\n`);
        return 2;
      } else break;
    }
    if (program === undefined) {
      if (args.length === 0) {
        ctx.stderr.write(USAGE);
        return 0;
      }
      // options but no program text: init.c no_program() leaves quietly
      if (i >= args.length) return 0;
      program = args[i++];
    }
    let rules;
    try {
      rules = parseAwk(program);
    } catch (e) {
      if (e instanceof AwkSyntaxError) {
        if (e.form === 'raw') {
          ctx.stderr.write(`${e.message}\n`);
          return 1;
        }
        ctx.stderr.write(e.form === 'bare' ? `${prog}: ${e.message}\n` : `${prog}: line ${e.line}: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    if (fs !== undefined) {
      fs = fs === 't' ? '\t' : fs.replace(/\\t/g, '\t');
      // -F is compiled before the program is scanned: mawk reports it at line 0
      const err = fs.length > 1 ? mawkRegexError(fs) : undefined;
      if (err) {
        ctx.stderr.write(`${prog}: line 0: regular expression compile failed (${err})\n${fs}\n`);
        return 2;
      }
      assigns.unshift(['FS', fs]);
    }
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
          machine.startFile(f);
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
            ctx.stderr.write(`${prog}: cannot open ${f} (${errText(e)})\n`);
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
        // error.c rt_error: the message, then where it happened
        ctx.stderr.write(`${prog}: run time error: ${e.message}\n${machine.where()}\n`);
        return 2;
      }
      // a regex search past its step budget (a huge pattern over a huge record)
      if (e instanceof RegexBudgetError) {
        ctx.stderr.write(`${prog}: fatal: memory exhausted\n`);
        return 2;
      }
      throw e;
    }
  },
};
