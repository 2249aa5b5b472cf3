/**
 * `kubectl exec POD -- PROGRAM ARGS` and `docker exec CONTAINER PROGRAM ARGS`: the runtime's exec
 * call starts PROGRAM itself as the exec process (runc exec execve()s it; no shell in between),
 * so `kubectl exec box -- ps` shows PID 1 and one `ps`. A shell (`sh -c '…'`) runs as that
 * process too; only the interactive `-it -- sh` is left to the caller.
 */
import type { Process } from '../../../emulator/linux/process.ts';
import type { CommandContext, Environment, Input } from '../../types.ts';
import { execAs, programName, runAs } from './exec.ts';

const SHELLS = new Set(['bash', 'sh', 'dash', 'ash', 'zsh']);

/** No stdin: `kubectl exec` without -i gives the program an empty one. */
const NO_INPUT: Input = { isTTY: false, read: async () => null, readLine: async () => null, readAll: async () => '' };

/**
 * Runs `argv` as the exec process `proc` (its env, cwd and namespaces) when it is a program
 * found on the container's $PATH (a shell runs its script as `proc`); undefined otherwise (the
 * caller runs it through a shell, which prints the shell's "not found" text).
 */
export async function execProgram(ctx: CommandContext, proc: Process, argv: string[], stdin: Input | undefined): Promise<number | undefined> {
  const name = programName(argv[0] ?? '');
  if (!name || !onPath(proc, argv[0])) return undefined;
  const sub = Object.create(ctx) as CommandContext;
  Object.defineProperties(sub, { stdin: { value: stdin ?? NO_INPUT }, env: { value: processEnvironment(proc) } });
  if (!SHELLS.has(name)) return execAs(sub, proc, argv);
  // A shell is the exec process too: `sh -c 'ps; echo $$'` is one sh (its $$) and ps its child.
  proc.argv = argv;
  proc.comm = name.slice(0, 15);
  return runAs(sub, proc, name, argv);
}

/** Whether `program` resolves to a file on the process's $PATH (or is a path to a file). */
export function onPath(proc: Process, program: string): boolean {
  const isFile = (p: string) => {
    try {
      return proc.fs.stat(p).type !== 'dir';
    } catch {
      return false;
    }
  };
  if (program.includes('/')) return isFile(program);
  const path = proc.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  return path.split(':').some((dir) => isFile(`${dir === '' ? '.' : dir.replace(/\/$/, '')}/${program}`));
}

/** The process's environment as the program's variables (all exported). */
function processEnvironment(proc: Process): Environment {
  const vars = proc.env;
  return {
    get: (n) => vars[n],
    set: (n, v) => void (vars[n] = v),
    unset: (n) => void delete vars[n],
    export: () => {},
    exported: () => ({ ...vars }),
    all: () => ({ ...vars }),
  };
}
