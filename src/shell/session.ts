/**
 * `ShellSession`: a learner's shell over a world. The UI, `petlab shell`, the grader and tests
 * all go through it:
 *
 * - `execute(line)` runs one command line and resolves to its exit status;
 * - `runInteractive()` is the REPL on a `Terminal` (prompt, PS2 continuation, history);
 * - `runScript(text)` feeds a whole text as if typed and returns a transcript (`$ cmd` lines,
 *   then output), the format of `petlab shell --script`;
 * - `interrupt()` is Ctrl-C: echoes `^C` and interrupts the innermost running command.
 *
 * Time: with `clock: 'auto'` (the default) the session moves the world's virtual clock itself
 * whenever every running command is waiting on it, so `sleep 5` returns at once; a command
 * still running after `maxCommandMs` of virtual time (`ping` without `-c`, `kubectl get -w`)
 * is interrupted as if Ctrl-C had been pressed. With `clock: 'external'` (the browser, the
 * interactive CLI) someone else advances the clock in real time.
 *
 * Why our own interpreter and not just-bash (measured in /work/shared/tech-notes.md): it returns
 * output only when a command ends (no streaming for `ping`, `kubectl get -w`, `watch`), runs
 * pipe stages one after another, has no interactive nested shells (`unshare … bash`, `kubectl
 * exec -it`), resets `cd` and exported variables on every exec, and adds ~343 KB gzip to a page
 * whose whole budget is 150 KB.
 */
import type { World } from '../emulator/world.ts';
import { loadsInFlight, whenLoadsSettle } from './commands/registry.ts';
import { loginShellProcess } from './linux-bridge.ts';
import type { ShellProcess } from './linux-bridge.ts';
import { Foreground, macrotask } from './interp/foreground.ts';
import { runRepl } from './interp/repl.ts';
import { ExitSignal, Shell } from './interp/shell.ts';
import { runExitTrap, runIntTrap } from './interp/trap.ts';
import { NEVER } from './interp/signal.ts';
import { BufferOutput, EMPTY_INPUT } from './interp/streams.ts';
import type { Input, Output, Terminal } from './types.ts';

export interface SessionOptions {
  world: World;
  /** The process the shell runs as. @default the learner's login shell on the world's host */
  process?: unknown;
  /** The terminal for `runInteractive` and for nested interactive shells. */
  terminal?: Terminal;
  /** Where output goes when `execute` is given no `io`. @default dropped */
  stdout?: Output;
  /** @default stdout */
  stderr?: Output;
  /** Who moves virtual time while commands run. @default 'auto' */
  clock?: 'auto' | 'external';
  /** With `clock: 'auto'`: interrupt a command after this much virtual time. @default 60_000 */
  maxCommandMs?: number;
  /**
   * With `clock: 'auto'`: interrupt a command that yields this many turns (≈64 loop rounds
   * each) without waiting on the clock — a busy loop. @default 2000
   */
  maxBusyTurns?: number;
  /**
   * With `clock: 'auto'`: interrupt a command line once it has printed this many characters
   * (`yes`, `seq 1 1e9` in a script or a graded submission: nobody is there to press Ctrl-C, and
   * the transcript would grow without end). Output past the bound is dropped. @default 16 MiB
   */
  maxOutputChars?: number;
}

export interface ExecuteIO {
  stdin?: Input;
  stdout?: Output;
  stderr?: Output;
}

export interface ScriptResult {
  transcript: string;
  /** The last command's exit status. */
  status: number;
}

export class ShellSession {
  readonly world: World;
  readonly shell: Shell;
  readonly foreground = new Foreground();
  private readonly stdout: Output;
  private readonly stderr: Output;
  private readonly autoClock: boolean;
  private readonly maxCommandMs: number;
  private readonly maxOutputChars: number;
  private echo: Output;
  /** Set once the shell ran `exit`. */
  exited = false;

  constructor(options: SessionOptions) {
    this.world = options.world;
    const process = (options.process as ShellProcess | undefined) ?? loginShellProcess(options.world);
    this.stdout = options.stdout ?? { write() {} };
    this.stderr = options.stderr ?? this.stdout;
    this.echo = this.stdout;
    this.autoClock = (options.clock ?? 'auto') === 'auto';
    this.maxCommandMs = options.maxCommandMs ?? 60_000;
    this.maxOutputChars = this.autoClock ? (options.maxOutputChars ?? 16 * 1024 * 1024) : Infinity;
    if (this.autoClock) this.foreground.busyBound = { turns: options.maxBusyTurns ?? 2000, exceeded: () => this.interrupt(true) };
    this.shell = new Shell({
      world: options.world,
      process,
      foreground: this.foreground,
      terminal: options.terminal,
      interactive: true,
      arg0: '-bash',
    });
  }

  /** The process the shell runs as. */
  get process(): ShellProcess {
    return this.shell.process;
  }

  /**
   * The shell the learner types to now: a nested shell waiting at its prompt (`bash`, `unshare
   * … bash`, `docker exec -it c sh`, `kubectl exec -it p -- sh`), else the session's own shell.
   */
  get activeShell(): Shell {
    return (this.foreground.promptShell() as Shell | undefined) ?? this.shell;
  }

  /** Command lines run so far, oldest first. */
  get history(): readonly string[] {
    return this.shell.history;
  }

  /**
   * Runs one command line (it may hold several commands, here-documents included) and resolves
   * to its exit status. Syntax errors print bash's message and give 2; after `exit`, further
   * calls return the exit status without running anything.
   */
  async execute(line: string, io: ExecuteIO = {}): Promise<number> {
    if (this.exited) return this.shell.lastStatus;
    if (line.trim() !== '') this.shell.history.push(line.replace(/\n+$/, ''));
    const stdout = io.stdout ?? this.stdout;
    const stderr = io.stderr ?? io.stdout ?? this.stderr;
    const job = this.foreground.begin(this.world.now());
    const saved = this.echo;
    this.echo = stdout;
    let printed = 0;
    // the output bound (maxOutputChars) counts stdout and stderr together, as one screen would
    const bounded = (out: Output): Output => {
      if (this.maxOutputChars === Infinity) return out;
      return {
        isTTY: out.isTTY,
        drain: out.drain ? () => out.drain?.() : undefined,
        write: (text) => {
          if (printed > this.maxOutputChars) return;
          printed += text.length;
          out.write(text);
          if (printed > this.maxOutputChars && !job.signal.interrupted) this.interrupt(true);
        },
      };
    };
    const lineIO = { stdin: io.stdin ?? EMPTY_INPUT, stdout: bounded(stdout), stderr: bounded(stderr), interrupt: job.signal };
    const run = (async () => {
      try {
        return await this.shell.runText(line.endsWith('\n') ? line : `${line}\n`, lineIO);
      } catch (e) {
        if (e instanceof ExitSignal) {
          this.exited = true;
          this.shell.lastStatus = await runExitTrap(this.shell, { ...lineIO, interrupt: NEVER }, e.status);
          return this.shell.lastStatus;
        }
        throw e;
      }
    })();
    try {
      const status = await this.drive(run);
      if (job.signal.interrupted && status >= 128) stdout.write('\n');
      // a Ctrl-C'd line: the INT trap runs once the command is gone (bash runs pending traps after the wait)
      if (job.signal.interrupted && this.shell.traps.get('INT') && !this.exited) await this.drive(runIntTrap(this.shell, { ...lineIO, interrupt: NEVER }).then(() => status));
      return status;
    } finally {
      job.end();
      this.echo = saved;
    }
  }

  /**
   * Ctrl-C: echoes `^C` and interrupts the innermost running command (no-op when idle). After
   * `trap '' INT` only the echo happens (commands inherit the ignored SIGINT), unless `bound`:
   * the session's own time and output bounds stop a command regardless.
   */
  interrupt(bound = false): void {
    if (!this.foreground.current()) return;
    this.echo.write('^C');
    if (!bound && this.shell.traps.get('INT') === '') return;
    if (bound) this.foreground.interruptLine();
    else this.foreground.interrupt();
  }

  /** The REPL on the session's terminal; resolves to the exit status when the shell exits. */
  async runInteractive(): Promise<number> {
    if (!this.shell.terminal) throw new Error('runInteractive needs a terminal');
    const status = await this.drive(this.leave(runRepl(this.shell, { stdout: this.stdout, stderr: this.stderr }), this.stdout, this.stderr));
    this.exited = true;
    return status;
  }

  /**
   * Runs `text` as if each line were typed at the prompt (here-document bodies and other
   * continuation lines come from the following lines) and returns the transcript: each prompt
   * line as `$ cmd` (continuations as `> line`), then the output. Nested interactive shells
   * (`bash`, `unshare … bash`) read the following lines until `exit`.
   */
  async runScript(text: string): Promise<ScriptResult> {
    const out = new BufferOutput();
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    let next = 0;
    const terminal: Terminal = {
      columns: 80,
      rows: 24,
      readLine: async (prompt: string) => {
        if (next >= lines.length) return null;
        const line = lines[next++];
        out.write(`${prompt === '> ' ? '> ' : prompt === '' ? '' : '$ '}${line}\n`);
        return line;
      },
      clear: () => {},
    };
    const previous = this.shell.terminal;
    this.shell.terminal = terminal;
    this.echo = out;
    try {
      // the end of the script is the end of the shell: its EXIT trap runs (also after `exit N`)
      const status = await this.drive(this.leave(runRepl(this.shell, { stdout: out, stderr: out }, { exitOnEof: false, stdin: EMPTY_INPUT }), out, out));
      return { transcript: out.text, status };
    } finally {
      this.shell.terminal = previous;
      this.echo = this.stdout;
    }
  }

  /** After the REPL returned `status` (exit or end of input): the EXIT trap (trap.c run_exit_trap), which may change it. */
  private async leave(repl: Promise<number>, stdout: Output, stderr: Output): Promise<number> {
    const status = await repl;
    if (this.exited) return status;
    const job = this.foreground.begin(this.world.now());
    try {
      return await runExitTrap(this.shell, { stdin: EMPTY_INPUT, stdout, stderr, interrupt: job.signal }, status);
    } finally {
      job.end();
    }
  }

  /**
   * Awaits `task`; with the automatic clock, advances virtual time whenever everything that
   * runs is waiting on it, and interrupts a command that outlives `maxCommandMs`.
   *
   * Determinism: virtual time moves only after a host macrotask in which no command yielded a
   * turn and no command module was loading — i.e. every runnable piece of work is blocked on the
   * virtual clock. Real time never decides when or how far it moves: module loads are awaited
   * however long they take, and every bound counts something the commands themselves do (their
   * yields, checked at the yield in `Foreground`; rounds in which nothing but the clock could
   * make progress), never real milliseconds.
   */
  private async drive(task: Promise<number>): Promise<number> {
    if (!this.autoClock) return task;
    let done = false;
    let result = 0;
    let failure: unknown;
    let failed = false;
    task.then(
      (v) => {
        done = true;
        result = v;
      },
      (e) => {
        done = true;
        failed = true;
        failure = e;
      },
    );
    let afterInterrupt = 0;
    let turns = this.foreground.turns;
    let idleRounds = 0;
    let sameInstant = 0;
    let lastNow = this.world.now();
    let lastJob: unknown;
    while (!done) {
      await Promise.race([task.catch(() => 0), macrotask()]);
      if (done) break;
      const current = this.foreground.current();
      if (!current) {
        // Waiting at a prompt: nothing to drive until a command starts.
        await Promise.race([task.catch(() => 0), this.foreground.whenBusy()]);
        continue;
      }
      if (current !== lastJob) {
        // Bounds are per command line.
        lastJob = current;
        sameInstant = 0;
        afterInterrupt = 0;
        idleRounds = 0;
      }
      if (loadsInFlight() > 0) {
        // A command's code is still loading: real time, not virtual time, is needed.
        await Promise.race([task.catch(() => 0), new Promise<void>((resolve) => whenLoadsSettle(resolve))]);
        continue;
      }
      if (this.foreground.turns !== turns) {
        // A busy loop yielded: it is making progress without the clock (`Foreground` bounds it).
        turns = this.foreground.turns;
        continue;
      }
      // Work that keeps re-arming zero-length timers (`seq 1 1e9`) never lets time pass: bound it too.
      if (this.world.now() === lastNow) {
        if (++sameInstant > 50_000 && !current.signal.interrupted) {
          this.interrupt(true);
          continue;
        }
      } else {
        lastNow = this.world.now();
        sameInstant = 0;
      }
      const next = this.world.clock.nextDue(false);
      if (next === undefined && !current.signal.interrupted && idleRounds < 100) {
        // Nothing scheduled, nothing loading, nothing yielding, yet not done: give it a fixed
        // number of host rounds (never real milliseconds, which would make the moment of the
        // Ctrl-C depend on the host's speed) before calling it stuck.
        idleRounds++;
        continue;
      }
      idleRounds = 0;
      if (current.signal.interrupted) {
        // Give an interrupted command time to print what the real tool prints, but not forever.
        if (++afterInterrupt > 1000) break;
      } else if (next === undefined || next - current.startedAt > this.maxCommandMs) {
        // Nothing will ever wake it, or it outlives the bound: let the bound's time pass, then Ctrl-C.
        const limit = current.startedAt + this.maxCommandMs;
        if (next !== undefined && limit > this.world.now()) this.world.advance(limit - this.world.now());
        this.interrupt(true);
        continue;
      }
      if (next !== undefined) this.world.advance(next - this.world.now());
    }
    if (failed) throw failure;
    return done ? result : 130;
  }
}
