/**
 * `ln -s [-fnTv] TARGET [LINK_NAME]` and `ln -s TARGET... DIRECTORY` (GNU coreutils 9.1, Debian
 * 12): symbolic links, with coreutils' messages (`ln: failed to create symbolic link 'l':
 * File exists`, `ln: target 'c': No such file or directory`). Hard links (no -s) and -r are
 * not emulated: they say so (exit 1).
 */
import type { Command, CommandContext } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

/** The last component of a TARGET, as ln names a link made in a directory (`ln -s a/b dir` → dir/b). */
function lastName(target: string): string {
  const t = target.replace(/\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1) || t;
}

export const command: Command = {
  name: 'ln',
  summary: 'Make links between files.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, {
      flags: 'sfnTvrbiLP',
      withArg: 'St',
      long: { symbolic: { key: 's' }, force: { key: 'f' }, 'no-dereference': { key: 'n' }, 'no-target-directory': { key: 'T' }, verbose: { key: 'v' }, relative: { key: 'r' }, 'target-directory': { key: 't', arg: true } },
    });
    if (!parsed.ok) return usageError(ctx.stderr, 'ln', parsed.error);
    const { opts, operands } = parsed.value;
    if (operands.length === 0) return usageError(ctx.stderr, 'ln', 'missing file operand');
    if (!opts.has('s') || opts.has('r') || opts.has('b') || opts.has('i') || opts.has('L') || opts.has('P') || opts.has('S')) {
      const what = !opts.has('s') ? 'ln without -s (hard links)' : `ln -${['r', 'b', 'i', 'L', 'P', 'S'].find((o) => opts.has(o))}`;
      ctx.stderr.write(`petlab: '${what}' is not available in this lab\n`);
      return 1;
    }
    const fs = fsOf(ctx);
    const isDir = (p: string, follow: boolean) => {
      try {
        return (follow ? fs.stat(p) : fs.lstat(p)).type === 'dir';
      } catch {
        return false;
      }
    };
    const pairs: [string, string][] = [];
    const dirOpt = opts.get('t');
    if (typeof dirOpt === 'string') {
      if (!isDir(dirOpt, true)) return fail(ctx, fs.exists(dirOpt) ? `target '${dirOpt}': Not a directory` : `failed to access '${dirOpt}': No such file or directory`);
      for (const t of operands) pairs.push([t, `${dirOpt.replace(/\/+$/, '')}/${lastName(t)}`]);
    } else if (operands.length === 1) {
      pairs.push([operands[0], `./${lastName(operands[0])}`]);
    } else if (opts.has('T')) {
      if (operands.length > 2) return usageError(ctx.stderr, 'ln', `extra operand '${operands[2]}'`);
      pairs.push([operands[0], operands[1]]);
    } else {
      const dest = operands[operands.length - 1];
      const targets = operands.slice(0, -1);
      const destDir = isDir(dest, !opts.has('n'));
      if (targets.length > 1 && !destDir) {
        return fail(ctx, `target '${dest}': ${fs.exists(dest) ? 'Not a directory' : 'No such file or directory'}`);
      }
      for (const t of targets) pairs.push([t, destDir ? `${dest.replace(/\/+$/, '')}/${lastName(t)}` : dest]);
    }
    let status = 0;
    for (const [target, link] of pairs) {
      try {
        if (opts.has('f')) {
          try {
            if (fs.lstat(link).type !== 'dir') fs.rm(link);
          } catch {
            // nothing to replace
          }
        }
        fs.symlink(target, link);
        if (opts.has('v')) ctx.stdout.write(`'${link}' -> '${target}'\n`);
      } catch (e) {
        status = fail(ctx, `failed to create symbolic link '${link}': ${errText(e)}`);
      }
    }
    return status;
  },
};

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`ln: ${message}\n`);
  return 1;
}
