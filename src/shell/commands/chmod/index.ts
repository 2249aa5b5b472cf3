/**
 * `chmod [-cfvR] MODE[,MODE]... FILE...`, `chmod OCTAL-MODE FILE...` and `chmod --reference=RFILE
 * FILE...` (GNU coreutils 9.1, Debian 12): octal and symbolic modes (mode.ts), recursive walks
 * that skip symbolic links, -v/-c reports and coreutils' messages (`chmod: invalid mode: 'q'`,
 * `chmod: cannot access 'x': No such file or directory`). A mode given as an option (`chmod -w
 * f`) warns when the umask (022) kept bits from changing, as chmod does.
 */
import type { Command, CommandContext } from '../../types.ts';
import type { Stat, Vfs } from '../../../emulator/linux/fs/vfs.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { adjustMode, compileMode, permString } from './mode.ts';
import type { ModeChange } from './mode.ts';
import { CHMOD_HELP, coreutilsVersion } from './help.ts';

const UMASK = 0o022;
const MODE_CHARS = 'rwxXstugoa,+=-01234567';
const LONG: Record<string, string> = {
  changes: 'c', silent: 'f', quiet: 'f', verbose: 'v', recursive: 'R', reference: 'reference',
  'preserve-root': 'preserve-root', 'no-preserve-root': 'no-preserve-root', help: 'help', version: 'version',
};

interface Options {
  verbosity: 'off' | 'changes' | 'high';
  silent: boolean;
  recursive: boolean;
  preserveRoot: boolean;
  reference?: string;
  /** Modes given as options (`-w`, `-R -x`), joined with commas. */
  optionMode?: string;
  operands: string[];
}

type Parsed = { ok: true; value: Options } | { ok: false; error: string } | { ok: true; exit: 'help' | 'version' };

/** getopt_long as chmod calls it: mode-like options (`-w`, `-755`) become the MODE. */
function parseArgs(args: readonly string[]): Parsed {
  const o: Options = { verbosity: 'off', silent: false, recursive: false, preserveRoot: false, operands: [] };
  let exit: 'help' | 'version' | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      o.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const candidates = Object.keys(LONG).filter((l) => l.startsWith(name));
      const exact = candidates.find((l) => l === name);
      const distinct = [...new Set(candidates.map((c) => LONG[c]))];
      const match = exact ?? (distinct.length === 1 ? candidates[0] : undefined);
      if (!match) {
        if (candidates.length > 1) return { ok: false, error: `option '${a}' is ambiguous; possibilities:${candidates.map((c) => ` '--${c}'`).join('')}` };
        return { ok: false, error: `unrecognized option '${a}'` };
      }
      const key = LONG[match];
      if (key === 'reference') {
        if (eq >= 0) o.reference = a.slice(eq + 1);
        else if (i + 1 < args.length) o.reference = args[++i];
        else return { ok: false, error: `option '--${match}' requires an argument` };
        continue;
      }
      if (eq >= 0) return { ok: false, error: `option '--${match}' doesn't allow an argument` };
      if (key === 'help' || key === 'version') exit ??= key;
      else if (key === 'preserve-root') o.preserveRoot = true;
      else if (key === 'no-preserve-root') o.preserveRoot = false;
      else setFlag(o, key);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (MODE_CHARS.includes(c)) {
          o.optionMode = o.optionMode === undefined ? a : `${o.optionMode},${a}`;
          break;
        }
        if ('cfvR'.includes(c)) setFlag(o, c);
        else return { ok: false, error: `invalid option -- '${c}'` };
      }
      continue;
    }
    o.operands.push(a);
  }
  if (exit) return { ok: true, exit };
  return { ok: true, value: o };
}

function setFlag(o: Options, c: string): void {
  if (c === 'c') o.verbosity = 'changes';
  else if (c === 'v') o.verbosity = 'high';
  else if (c === 'f') o.silent = true;
  else o.recursive = true;
}

function usage(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`chmod: ${message}\nTry 'chmod --help' for more information.\n`);
  return 1;
}

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

export const command: Command = {
  name: 'chmod',
  summary: 'Change file mode bits.',
  async run(ctx) {
    const parsed = parseArgs(ctx.args);
    if (!parsed.ok) return usage(ctx, parsed.error);
    if ('exit' in parsed) {
      ctx.stdout.write(parsed.exit === 'help' ? CHMOD_HELP : coreutilsVersion('chmod', 'David MacKenzie and Jim Meyering'));
      return 0;
    }
    const o = parsed.value;
    const fs = fsOf(ctx);
    const files = [...o.operands];
    let modeText: string | undefined = o.reference === undefined ? o.optionMode : undefined;
    if (o.reference === undefined && modeText === undefined) modeText = files.shift();
    if (o.reference === undefined && modeText === undefined) return usage(ctx, 'missing operand');
    if (files.length === 0) return usage(ctx, modeText !== undefined && o.optionMode === undefined ? `missing operand after '${modeText}'` : 'missing operand');
    let target: (old: number, dir: boolean) => number;
    let changes: ModeChange[] | null = null;
    if (o.reference !== undefined) {
      let ref: Stat;
      try {
        ref = fs.stat(o.reference);
      } catch (e) {
        ctx.stderr.write(`chmod: failed to get attributes of '${o.reference}': ${errText(e)}\n`);
        return 1;
      }
      target = () => ref.mode;
    } else {
      changes = compileMode(modeText ?? '');
      if (!changes) return usage(ctx, `invalid mode: '${modeText ?? ''}'`);
      const compiled = changes;
      target = (old, dir) => adjustMode(old, dir, UMASK, compiled);
    }
    const walker = new Walker(ctx, fs, o, target, o.optionMode !== undefined && o.reference === undefined ? changes : null);
    let ok = true;
    if (o.recursive && o.preserveRoot && files.some((f) => isRoot(fs, f))) {
      ctx.stderr.write("chmod: it is dangerous to operate recursively on '/'\nchmod: use --no-preserve-root to override this failsafe\n");
      return 1;
    }
    for (const f of files) {
      if (ctx.interrupt.interrupted) return 130;
      ok = walker.file(f, true) && ok;
    }
    return ok ? 0 : 1;
  },
};

function isRoot(fs: Vfs, path: string): boolean {
  try {
    return fs.realpath(path) === '/';
  } catch {
    return false;
  }
}

/** Applies the new mode to each file (and, with -R, everything below it), reporting as chmod does. */
class Walker {
  private readonly ctx: CommandContext;
  private readonly fs: Vfs;
  private readonly o: Options;
  private readonly target: (old: number, dir: boolean) => number;
  private readonly surprises: ModeChange[] | null;

  constructor(ctx: CommandContext, fs: Vfs, o: Options, target: (old: number, dir: boolean) => number, surprises: ModeChange[] | null) {
    this.ctx = ctx;
    this.fs = fs;
    this.o = o;
    this.target = target;
    this.surprises = surprises;
  }

  /** Changes `path` (following a symlink only on the command line); false when it failed. */
  file(path: string, commandLine: boolean): boolean {
    let st: Stat;
    try {
      st = this.fs.lstat(path);
    } catch (e) {
      this.error(`cannot access '${path}': ${errText(e)}`);
      if (this.o.verbosity === 'high') this.ctx.stdout.write(`'${path}' could not be accessed\n`);
      return false;
    }
    if (st.type === 'symlink') {
      if (!commandLine) {
        if (this.o.verbosity === 'high') this.ctx.stdout.write(`neither symbolic link '${path}' nor referent has been changed\n`);
        return true;
      }
      try {
        st = this.fs.stat(path);
      } catch {
        this.error(`cannot operate on dangling symlink '${path}'`);
        if (this.o.verbosity === 'high') this.ctx.stdout.write(`'${path}' could not be accessed\n`);
        return false;
      }
    }
    const dir = st.type === 'dir';
    const old = st.mode;
    const next = this.target(old, dir);
    let ok = true;
    try {
      if (next !== old) this.fs.chmod(path, next);
      this.report(path, old, next);
    } catch (e) {
      this.error(`changing permissions of '${path}': ${errText(e)}`);
      ok = false;
    }
    if (ok && this.surprises) {
      const naive = adjustMode(old, dir, 0, this.surprises);
      if (next & ~naive) {
        this.ctx.stderr.write(`chmod: ${path}: new permissions are ${permString(next)}, not ${permString(naive)}\n`);
        ok = false;
      }
    }
    if (this.o.recursive && dir) {
      let names: string[];
      try {
        names = this.fs.readdir(path);
      } catch (e) {
        this.error(`cannot read directory '${path}': ${errText(e)}`);
        return false;
      }
      const base = path.endsWith('/') ? path : `${path}/`;
      for (const name of names) ok = this.file(base + name, false) && ok;
    }
    return ok;
  }

  private report(path: string, old: number, next: number): void {
    const v = this.o.verbosity;
    if (v === 'off' || (v === 'changes' && old === next)) return;
    const out = old === next
      ? `mode of '${path}' retained as ${octal(next)} (${permString(next)})`
      : `mode of '${path}' changed from ${octal(old)} (${permString(old)}) to ${octal(next)} (${permString(next)})`;
    this.ctx.stdout.write(`${out}\n`);
  }

  private error(message: string): void {
    if (!this.o.silent) this.ctx.stderr.write(`chmod: ${message}\n`);
  }
}
