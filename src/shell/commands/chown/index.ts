/**
 * `chown [-cfvhR] [OWNER][:[GROUP]] FILE...` and `chown --reference=RFILE FILE...` (GNU coreutils
 * 9.1, Debian 12): names from the process's /etc/passwd and /etc/group or numbers (spec.ts), -R
 * (directories after their contents, symbolic links changed themselves), -h, --from, -v/-c
 * reports and coreutils' messages (`chown: invalid user: 'x'`). -H and -L are not emulated: they
 * say so (exit 1).
 */
import type { Command, CommandContext } from '../../types.ts';
import type { Stat, Vfs } from '../../../emulator/linux/fs/vfs.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions } from '../../lib/options.ts';
import { coreutilsVersion } from '../chmod/help.ts';
import { CHOWN_HELP } from './help.ts';
import { idName, parseOwnerSpec } from './spec.ts';
import type { OwnerSpec } from './spec.ts';

function usage(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`chown: ${message}\nTry 'chown --help' for more information.\n`);
  return 1;
}

interface Run {
  ctx: CommandContext;
  fs: Vfs;
  spec: OwnerSpec;
  from?: OwnerSpec;
  verbosity: 'off' | 'changes' | 'high';
  silent: boolean;
  recursive: boolean;
  deref: boolean;
}

export const command: Command = {
  name: 'chown',
  summary: 'Change file owner and group.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, {
      flags: 'cfvhRHLP',
      long: {
        changes: { key: 'c' }, silent: { key: 'f' }, quiet: { key: 'f' }, verbose: { key: 'v' }, dereference: { key: 'dereference' },
        'no-dereference': { key: 'h' }, from: { key: 'from', arg: true }, 'no-preserve-root': { key: 'no-preserve-root' },
        'preserve-root': { key: 'preserve-root' }, reference: { key: 'reference', arg: true }, recursive: { key: 'R' },
        help: { key: 'help' }, version: { key: 'version' },
      },
    });
    if (!parsed.ok) return usage(ctx, parsed.error);
    const { opts, list, operands } = parsed.value;
    if (opts.has('help') || opts.has('version')) {
      ctx.stdout.write(opts.has('help') ? CHOWN_HELP : coreutilsVersion('chown', 'David MacKenzie and Jim Meyering'));
      return 0;
    }
    const fs = fsOf(ctx);
    const files = [...operands];
    const reference = opts.get('reference');
    let spec: OwnerSpec;
    if (typeof reference === 'string') {
      if (files.length === 0) return usage(ctx, 'missing operand');
      let st: Stat;
      try {
        st = fs.stat(reference);
      } catch (e) {
        ctx.stderr.write(`chown: failed to get attributes of '${reference}': ${errText(e)}\n`);
        return 1;
      }
      spec = { uid: st.uid, gid: st.gid, user: idName(fs, st.uid, 'user'), group: idName(fs, st.gid, 'group') };
    } else {
      const text = files.shift();
      if (text === undefined) return usage(ctx, 'missing operand');
      if (files.length === 0) return usage(ctx, `missing operand after '${text}'`);
      const p = parseOwnerSpec(fs, text);
      if (typeof p === 'string') return fail(ctx, `${p}: '${text}'`);
      if (p.warning) ctx.stderr.write(`chown: warning: ${p.warning}\n`);
      if (p.user === undefined && p.group !== undefined) p.user = '';
      spec = p;
    }
    let from: OwnerSpec | undefined;
    const fromText = opts.get('from');
    if (typeof fromText === 'string') {
      const p = parseOwnerSpec(fs, fromText);
      if (typeof p === 'string') return fail(ctx, `${p}: '${fromText}'`);
      from = p;
    }
    const recursive = opts.has('R');
    const traversal = list.filter(([k]) => 'HLP'.includes(k)).pop()?.[0];
    if (recursive && (traversal === 'H' || traversal === 'L')) {
      ctx.stderr.write(`petlab: 'chown -${traversal}' is not available in this lab\n`);
      return 1;
    }
    const deref = recursive ? false : !(list.filter(([k]) => k === 'h' || k === 'dereference').pop()?.[0] === 'h');
    const run: Run = {
      ctx, fs, spec, from, recursive, deref,
      verbosity: opts.has('v') ? 'high' : opts.has('c') ? 'changes' : 'off',
      silent: opts.has('f'),
    };
    let ok = true;
    for (const f of files) {
      if (ctx.interrupt.interrupted) return 130;
      ok = changeOwner(run, f) && ok;
    }
    return ok ? 0 : 1;
  },
};

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`chown: ${message}\n`);
  return 1;
}

/** user:group as chown prints a spec (`root`, `root:daemon`, `:daemon`), or undefined for neither. */
function specText(user: string | undefined, group: string | undefined): string | undefined {
  if (user !== undefined) return group !== undefined ? `${user}:${group}` : user;
  return group;
}

/** Changes one file (and, with -R, what is below it, contents first); false when it failed. */
function changeOwner(run: Run, path: string): boolean {
  const { fs, spec } = run;
  let st: Stat;
  try {
    st = fs.lstat(path);
  } catch (e) {
    if (!run.silent) run.ctx.stderr.write(`chown: cannot access '${path}': ${errText(e)}\n`);
    if (run.verbosity === 'high') {
      const to = specText(spec.user, spec.group);
      run.ctx.stdout.write(to === undefined ? `failed to change ownership of '${path}'\n` : `failed to change ownership of '${path}' to ${to}\n`);
    }
    return false;
  }
  let ok = true;
  if (run.recursive && st.type === 'dir') {
    let names: string[];
    try {
      names = fs.readdir(path);
    } catch (e) {
      if (!run.silent) run.ctx.stderr.write(`chown: cannot read directory '${path}': ${errText(e)}\n`);
      names = [];
      ok = false;
    }
    const base = path.endsWith('/') ? path : `${path}/`;
    for (const name of names) ok = changeOwner(run, base + name) && ok;
  }
  const follow = run.deref && st.type === 'symlink';
  if (follow) {
    try {
      st = fs.stat(path);
    } catch (e) {
      if (!run.silent) run.ctx.stderr.write(`chown: cannot dereference '${path}': ${errText(e)}\n`);
      return false;
    }
  }
  const from = run.from;
  const matches = !from || ((from.uid < 0 || from.uid === st.uid) && (from.gid < 0 || from.gid === st.gid));
  const uid = matches ? spec.uid : -1;
  const gid = matches ? spec.gid : -1;
  const changed = (uid >= 0 && uid !== st.uid) || (gid >= 0 && gid !== st.gid);
  try {
    if (changed) fs.chown(path, uid, gid, follow);
  } catch (e) {
    if (!run.silent) run.ctx.stderr.write(`chown: changing ownership of '${path}': ${errText(e)}\n`);
    return false;
  }
  if (run.verbosity === 'high' || (run.verbosity === 'changes' && changed)) {
    const old = specText(spec.user !== undefined ? idName(fs, st.uid, 'user') : undefined, spec.group !== undefined ? idName(fs, st.gid, 'group') : undefined);
    const to = specText(spec.user, spec.group);
    let line: string;
    if (old === undefined) line = `ownership of '${path}' retained`;
    else if (changed) line = `changed ownership of '${path}' from ${old} to ${to ?? ''}`;
    else line = `ownership of '${path}' retained as ${old}`;
    run.ctx.stdout.write(`${line}\n`);
  }
  return ok;
}
