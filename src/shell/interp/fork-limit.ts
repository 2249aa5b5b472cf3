/**
 * The per-host bound on the processes a shell forks: background jobs, pipeline stages, `( … )`
 * subshells and `$( … )` command substitutions each hold one slot while they run. Past
 * PROCESS_LIMIT live ones, fork(2) fails with EAGAIN as it does when a cgroup's pids.max is
 * reached, and bash prints what jobs.c make_child prints (bash 5.2): `fork: retry` through
 * sys_error while it retries with sleeps of 1, 2, 4 and 8 seconds (FORKSLEEP_MAX 16), then
 * `fork` + strerror, status EX_NOEXEC (126) and a jump to the top level.
 * The retries' sleeps (1 + 2 + 4 + 8 s) are not modelled: the five lines come at once.
 *
 * PROCESS_LIMIT is what a Debian 12 root login gets: systemd 252's user-.slice sets
 * TasksMax=33% (units/user-.slice.d/10-defaults.conf) of the kernel's pid_max 32768, so
 * user-0.slice's pids.max is 10813. (Root is exempt from RLIMIT_NPROC, so `ulimit -u` is not
 * the bound that stops it.)
 *
 * A fork bomb (`f(){ f|f& }; f`) saturates that bound and, on a real machine, keeps retrying
 * for ever. Here a failed fork marks the command line's whole process family as failed: the
 * first failure prints bash's lines, and every later fork of that family's subshells fails at
 * once without printing, so the bomb dies out and its output stays a handful of lines. The shell
 * at the prompt itself goes on forking (under the bound), and its next command line starts a new
 * family. Every FORKS_PER_TURN forks on a host the interpreter gives the host event
 * loop a turn, so Ctrl-C and the page keep working while a bomb spawns.
 */
import type { World } from '../../emulator/world.ts';
import type { ShellProcess } from '../linux-bridge.ts';
import { AbortLine } from './signals.ts';
import type { Output } from '../types.ts';

/** Live forked processes one host allows (user-0.slice's pids.max on Debian 12, see above). */
export const PROCESS_LIMIT = 10813;

/** Forks between two turns given to the host event loop. */
export const FORKS_PER_TURN = 64;

/** The processes one command line started, directly or through its children. */
export interface ForkFamily {
  /** A fork of this family failed: later forks of its subshells fail silently. */
  failed: boolean;
  /** The shell that read the command line: its own forks only meet the bound itself. */
  readonly owner: object | undefined;
}

/** A new family of `owner` (one per command line read at an interactive prompt). */
export function newForkFamily(owner?: object): ForkFamily {
  return { failed: false, owner };
}

/** One host's fork counts: running now, the most ever running at once, and all ever made. */
export interface HostForks {
  live: number;
  peak: number;
  total: number;
  /** A turn given to the host that every fork waits for (see acquireFork). */
  gate?: Promise<void>;
}

const counters = new WeakMap<World, Map<string, HostForks>>();

function hostForks(world: World, process: ShellProcess): HostForks {
  let hosts = counters.get(world);
  if (!hosts) counters.set(world, (hosts = new Map()));
  const key = process.hostname;
  let h = hosts.get(key);
  if (!h) hosts.set(key, (h = { live: 0, peak: 0, total: 0 }));
  return h;
}

/** The fork counts of `process`'s host (a copy, for tests and reports). */
export function forkCounts(world: World, process: ShellProcess): HostForks {
  const { live, peak, total } = hostForks(world, process);
  return { live, peak, total };
}

/** What a forking shell needs: where it runs and how it yields. */
export interface ForkingShell {
  readonly world: World;
  readonly process: ShellProcess;
  readonly interactive: boolean;
  forkFamily: ForkFamily;
  foreground: { yieldTurn(): Promise<void> };
}

/** bash's lines for a fork that failed with EAGAIN after its four retries. */
export const FORK_EAGAIN_TEXT =
  'bash: fork: retry: Resource temporarily unavailable\n'.repeat(4) + 'bash: fork: Resource temporarily unavailable\n';

/**
 * Takes one process slot on the shell's host; resolves to the function that gives it back
 * (call it once, when the forked process ends). Past PROCESS_LIMIT (or once the shell's family
 * has failed a fork, for a subshell of it) it prints bash's EAGAIN lines (the first time per family) and throws a
 * to-top AbortLine with bash's status: 126 interactive, 1 otherwise (as for other fork failures).
 */
export async function acquireFork(shell: ForkingShell, stderr: Output): Promise<() => void> {
  const h = hostForks(shell.world, shell.process);
  // every fork on the host waits out the same turn: one chain yielding alone would leave the
  // thousands of others a bomb runs filling the microtask queue
  while (h.gate) await h.gate;
  const family = shell.forkFamily;
  const failedFamily = family.failed && family.owner !== shell;
  if (failedFamily || h.live >= PROCESS_LIMIT) {
    if (!family.failed) {
      family.failed = true;
      stderr.write(FORK_EAGAIN_TEXT);
    }
    throw new AbortLine(shell.interactive ? 126 : 1, true);
  }
  h.live++;
  h.peak = Math.max(h.peak, h.live);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    h.live--;
  };
  if (++h.total % FORKS_PER_TURN === 0) {
    const gate = (async () => {
      try {
        await shell.foreground.yieldTurn();
      } finally {
        h.gate = undefined;
      }
    })();
    h.gate = gate;
    try {
      await gate;
    } catch (e) {
      release();
      throw e;
    }
  }
  return release;
}
