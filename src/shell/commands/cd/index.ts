/**
 * `cd [DIR]` (bash's built-in): no operand or `~` goes to $HOME, `-` to $OLDPWD (and prints it).
 * Errors: `bash: cd: nope: No such file or directory`, `Not a directory`, `too many arguments`.
 */
import { normalize } from '../../../emulator/linux/fs/path.ts';
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';

export const command: Command = {
  name: 'cd',
  summary: 'Change the shell working directory.',
  async run(ctx) {
    const shell = ctx.shell;
    if (!shell) return 1;
    const args = ctx.args.filter((a) => a !== '-L' && a !== '-P' && a !== '--');
    if (args.length > 1) {
      ctx.stderr.write('bash: cd: too many arguments\n');
      return 1;
    }
    let target: string | undefined = args[0];
    let print = false;
    if (target === undefined) {
      target = shell.vars.get('HOME');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: HOME not set\n');
        return 1;
      }
    } else if (target === '-') {
      target = shell.vars.get('OLDPWD');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: OLDPWD not set\n');
        return 1;
      }
      print = true;
    }
    if (target === undefined || target === '') return 0;
    const abs = normalize(target, shell.cwd);
    const fs = fsOf(ctx);
    try {
      if (fs.stat(abs).type !== 'dir') {
        ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
        return 1;
      }
    } catch (e) {
      ctx.stderr.write(`bash: cd: ${target}: ${errText(e)}\n`);
      return 1;
    }
    shell.vars.set('OLDPWD', shell.cwd);
    shell.vars.export('OLDPWD');
    shell.setCwd(abs);
    shell.vars.set('PWD', abs);
    if (print) ctx.stdout.write(`${abs}\n`);
    return 0;
  },
};
