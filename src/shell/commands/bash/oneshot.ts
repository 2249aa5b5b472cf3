/**
 * bash's ONESHOT: `bash -c 'ps aux'` whose string is one simple command execs that program in
 * place of the shell (bash's parse_and_execute with CMD_NO_FORK), so `ps` shows no bash and the
 * program's PID is the shell's. Only plain words are taken this way (no expansions, quotes,
 * redirections or operators) and only programs found on the process's $PATH that are not bash
 * built-ins; anything else runs as a script in the shell. dash (Debian's sh) and BusyBox ash
 * keep the shell and fork the command.
 */
import type { Process } from '../../../emulator/linux/process.ts';
import type { CommandContext } from '../../types.ts';
import { hasLinuxModel } from '../../linux-bridge.ts';
import { onPath } from '../linux-common/exec-program.ts';
import { execAs } from '../linux-common/exec.ts';

/** bash 5.2's built-ins and keywords (`enable`, `compgen -k`): these never exec. */
const BUILTINS = new Set(
  ('. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo enable ' +
    'eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd ' +
    'read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit umask unalias ' +
    'unset wait if then else elif fi case esac for select while until do done in function time coproc').split(' '),
);

/** Plain words only: letters, digits and punctuation no shell treats specially. */
const PLAIN = /^[\w@%+=:,./-]+$/;

/**
 * Execs the one simple command of `script` as the shell's own process when bash would; the
 * exit status, or undefined when the script must run in a shell (the caller then does so).
 */
export async function oneShot(ctx: CommandContext, script: string): Promise<number | undefined> {
  if (!hasLinuxModel(ctx.world)) return undefined;
  const words = script.trim().split(/[ \t]+/);
  if (words.length === 0 || !words.every((w) => PLAIN.test(w))) return undefined;
  const proc = ctx.process as unknown as Process;
  if (BUILTINS.has(words[0]) || words[0].includes('=') || !onPath(proc, words[0])) return undefined;
  return execAs(ctx, proc, words);
}
