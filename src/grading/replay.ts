/**
 * Replays command text into a world through the emulated shell, as if a learner typed it at a
 * terminal that stays open: each line goes to the innermost open shell (nested `bash`,
 * `unshare … bash` and `kubectl exec -it … sh` read the following lines), here-documents take
 * their bodies from the following lines, and the world settles before every prompt, as it would
 * while a learner reads the output. The moment the text is used up — shells still open — is the
 * moment of grading (`onEnd`).
 *
 * Nothing here touches the real machine: commands are the emulator's. Every resource is bounded
 * (`ReplayLimits`); going past a bound stops the replay with a GradingError LIMIT_EXCEEDED.
 */
import type { World } from '../emulator/world.ts';
import { ShellSession } from '../shell/session.ts';
import type { Output, Terminal } from '../shell/types.ts';
import { commandNames, loadCommand } from '../shell/commands/registry.ts';
import { GradingError } from './errors.ts';

/** Bounds of one replay. */
export interface ReplayLimits {
  /** Command lines read at a prompt (nested shells included). @default 2000 */
  maxCommands: number;
  /** Virtual time of the whole replay (commands and settling). @default 24 hours */
  maxVirtualMs: number;
  /** A command still running after this much virtual time is interrupted (Ctrl-C). @default 5 minutes */
  maxCommandMs: number;
  /** Output (stdout and stderr) kept and allowed. @default 4 MiB */
  maxOutputBytes: number;
  /** Live processes on any host (a guard against fork bombs). @default 5000 */
  maxProcesses: number;
  /**
   * Virtual time one settle between commands may take; a world that never settles (a pod in
   * CrashLoopBackOff) just moves on by this much, like a learner waiting. @default 5 minutes
   */
  settleMs: number;
}

export const DEFAULT_REPLAY_LIMITS: ReplayLimits = {
  maxCommands: 2000,
  maxVirtualMs: 24 * 3_600_000,
  maxCommandMs: 5 * 60_000,
  maxOutputBytes: 4 * 1024 * 1024,
  maxProcesses: 5000,
  settleMs: 5 * 60_000,
};

export interface ReplayHooks {
  /** At every primary prompt, after settling; `commands` lines have run so far. */
  onPrompt?(commands: number): void;
  /** Once, at the first primary prompt after the text is used up (shells still open). */
  onEnd?(commands: number): void;
}

export interface ReplayOutcome {
  /** Command lines read at a primary prompt. */
  commands: number;
  /** Virtual ms from start to the end of the text. */
  virtualMs: number;
  /** `$ command` lines and output, as `petlab shell --script` prints (truncated at the bound). */
  transcript: string;
  /** Whether `onEnd` ran (false when every shell exited before the text ran out). */
  ended: boolean;
}

/** Runs `setup` (a shell script) in its own session; throws INVALID_LAB naming the output when it fails. */
export async function runSetupScript(world: World, labId: string, setup: string): Promise<void> {
  let output = '';
  const sink: Output = { write: (text) => void (output.length < 65_536 && (output += text)) };
  const session = new ShellSession({ world, stdout: sink, stderr: sink, clock: 'auto' });
  const status = await session.execute(setup);
  world.settle({ maxMs: DEFAULT_REPLAY_LIMITS.settleMs });
  if (status !== 0) {
    throw new GradingError('INVALID_LAB', `the setup of lab ${labId} failed with exit status ${status}:\n${output.trimEnd()}`);
  }
}

/** Replays `text` into `world`. See the module comment. */
export async function replayText(world: World, text: string, limits: ReplayLimits = DEFAULT_REPLAY_LIMITS, hooks: ReplayHooks = {}): Promise<ReplayOutcome> {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const start = world.now();
  let next = 0;
  let commands = 0;
  let ended = false;
  let endTime = start;
  let abort: string | undefined;
  let transcript = '';
  let bytes = 0;
  const holder: { session?: ShellSession } = {};

  const stop = (reason: string) => {
    if (abort) return;
    abort = reason;
    holder.session?.interrupt();
  };
  const out: Output = {
    write(chunk: string) {
      if (abort) return;
      bytes += chunk.length;
      if (bytes > limits.maxOutputBytes) {
        stop(`the commands printed more than ${limits.maxOutputBytes} bytes of output`);
        return;
      }
      transcript += chunk;
    },
  };
  const atPrompt = () => {
    world.settle({ maxMs: limits.settleMs });
    if (world.now() - start > limits.maxVirtualMs) {
      stop(`the replay took more than ${formatMs(limits.maxVirtualMs)} of virtual time`);
      return;
    }
    // world.linux directly: checks/views.ts would bring the Docker engine and the cluster along.
    for (const host of world.linux.hosts.values()) {
      if (host.processes.size > limits.maxProcesses) stop(`more than ${limits.maxProcesses} processes run on host ${host.id}`);
    }
    hooks.onPrompt?.(commands);
  };
  const terminal: Terminal = {
    columns: 80,
    rows: 24,
    readLine: async (prompt: string) => {
      const primary = prompt !== '> ' && prompt !== '';
      if (primary && !abort && !ended) atPrompt();
      if (abort) return null;
      if (next >= lines.length) {
        if (primary && !ended) {
          ended = true;
          endTime = world.now();
          hooks.onEnd?.(commands);
        }
        return null;
      }
      if (primary && ++commands > limits.maxCommands) {
        stop(`the submission has more than ${limits.maxCommands} command lines`);
        return null;
      }
      const line = lines[next++];
      out.write(`${primary ? '$ ' : prompt}${line}\n`);
      return line;
    },
    clear: () => {},
  };
  await preloadCommands();
  const session = new ShellSession({ world, terminal, stdout: out, stderr: out, clock: 'auto', maxCommandMs: limits.maxCommandMs });
  holder.session = session;
  await session.runInteractive();
  if (abort) throw new GradingError('LIMIT_EXCEEDED', `the replay stopped: ${abort}.`);
  return { commands, virtualMs: (ended ? endTime : world.now()) - start, transcript, ended };
}

let preloaded: Promise<unknown> | undefined;

/**
 * Loads every registered command once. The session's automatic clock interrupts a command that
 * is still busy when no timer is due; a first-time module load must not count as "busy".
 */
function preloadCommands(): Promise<unknown> {
  preloaded ??= Promise.allSettled(commandNames().map((name) => loadCommand(name)));
  return preloaded;
}

function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hour${ms === 3_600_000 ? '' : 's'}`;
  if (ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  return `${ms / 1000} seconds`;
}
