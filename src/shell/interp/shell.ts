/**
 * One running shell: its variables, positional parameters, functions, options, history and
 * jobs, running as one emulated process. It walks the syntax tree: lists, and-or lists,
 * pipelines (stages run concurrently, joined by streaming pipes) and compound commands;
 * simple commands are in `simple.ts`.
 *
 * Nothing here throws at the user: syntax errors print bash's message (status 2), expansion
 * errors status 1, and an exception inside a command becomes `petlab: internal error in …`.
 */
import type { World } from '../../emulator/world.ts';
import type { CaseClause, ForClause, IfClause, List, LoopClause, Pipeline, ShellCommand, AndOr } from '../parser/ast.ts';
import { parse, type ParseOptions } from '../parser/parser.ts';
import { parseHeredocBody } from '../parser/scanner.ts';
import type { Input, Interrupt, Output, Terminal } from '../types.ts';
import { shellDialect } from '../linux-bridge.ts';
import type { ShellDialect, ShellProcess } from '../linux-bridge.ts';
import { ShellEnvironment } from './env.ts';
import { ExpansionError, expandPattern, expandSingle, expandWords, setArithWordParser } from './expand.ts';
import { AbortLine, ExitSignal, LoopSignal, ReturnSignal, reportExpansion } from './signals.ts';

export { AbortLine, ExitSignal, LoopSignal, ReturnSignal, reportExpansion };
import type { ExpansionHost } from './expand.ts';
import { compilePattern } from './pattern.ts';
import { InterruptSignal } from './signal.ts';
import { runErrTrap, runExitTrap } from './trap.ts';
import { withShellFds } from './exec.ts';
import { Pipe } from './streams.ts';
import { finishedJobsReport, startJob } from './jobs.ts';
import { acquireFork, newForkFamily } from './fork-limit.ts';
import type { ForkFamily } from './fork-limit.ts';
import type { Job } from './jobs.ts';

export type { Job };
import { makeExpansionHost, specialParameter } from './expansion-host.ts';
import { applyRedirects, RedirectError } from './redirect.ts';
import { runSimple } from './simple.ts';
import { inheritLimits } from './ulimit.ts';
import type { Foreground } from './foreground.ts';

setArithWordParser(parseHeredocBody);

/** The streams and Ctrl-C of whatever is running. */
export interface IO {
  stdin: Input;
  stdout: Output;
  stderr: Output;
  interrupt: Interrupt;
}

/**
 * The `time` keyword's report: bash's default TIMEFORMAT `\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS`
 * or, with `-p`, POSIX's `real %2R` lines. Real time is the virtual time that passed; the lab
 * spends no CPU time, so user and sys are zero.
 */
export function timeReport(ms: number, format: 'bash' | 'posix'): string {
  if (format === 'posix') {
    const s = (v: number) => (Math.floor(v / 10) / 100).toFixed(2);
    return `real ${s(ms)}\nuser 0.00\nsys 0.00\n`;
  }
  const l = (v: number) => `${Math.floor(v / 60_000)}m${((v % 60_000) / 1000).toFixed(3)}s`;
  return `\nreal\t${l(ms)}\nuser\t0m0.000s\nsys\t0m0.000s\n`;
}

/**
 * How deep function calls, `source`/`.` and `eval` may nest. Bash's FUNCNEST (and its
 * SOURCENEST/EVALNEST) are unlimited by default, so a runaway recursion grows until bash
 * crashes with a segmentation fault; a browser tab must not, so we stop at this depth with
 * the wording bash uses when the limit is set (execute_cmd.c, builtins/evalstring.c,
 * builtins/evalfile.c).
 */
export const NESTING_LIMIT = 1000;

/** How many function calls or loop rounds run between turns given to the host event loop. */
export const STEPS_PER_TURN = 64;

/** What `local` shadowed in one function call, by variable name. */
type LocalScope = Map<string, { value: string | undefined; exported: boolean; declared?: boolean }>;

export interface ShellInit {
  world: World;
  process: ShellProcess;
  foreground: Foreground;
  terminal?: Terminal;
  env?: ShellEnvironment;
  positional?: string[];
  arg0?: string;
  interactive?: boolean;
}

export class Shell {
  readonly world: World;
  readonly process: ShellProcess;
  readonly foreground: Foreground;
  terminal: Terminal | undefined;
  env: ShellEnvironment;
  positional: string[];
  arg0: string;
  functions = new Map<string, { body: ShellCommand; text: string }>();
  /** fds 3–9 opened by `exec 3>file` (exec.ts); subshells inherit them. */
  openFds = new Map<number, Input | Output>();
  /** fds 0–2 replaced by `exec >file` (exec.ts), for the commands this shell runs from then on. */
  stdFds: { stdin?: Input; stdout?: Output; stderr?: Output } = {};
  /** Bumped whenever `exec` changes stdFds, so a running command list picks them up. */
  fdVersion = 0;
  /** `trap` actions by EXIT, ERR, INT…; a subshell starts with none (trap.ts). */
  traps = new Map<string, string>();
  /** A trap's action is running (traps do not nest). */
  runningTrap = false;
  /** `alias k=kubectl`: expanded in the first word of a command typed at the prompt. */
  aliases = new Map<string, string>();
  lastStatus = 0;
  options = { errexit: false, xtrace: false, nounset: false, pipefail: false };
  history: string[] = [];
  jobs: Job[] = [];
  /** The command line's process family (fork-limit.ts): shared with every subshell it forks. */
  forkFamily: ForkFamily = newForkFamily();
  lastBackgroundPid: number | undefined;
  interactive: boolean;
  /** Set by `exit` run inside a pipeline stage or command context (not thrown there). */
  exitRequested: number | undefined;
  /** Depth of contexts where `set -e` does not apply (if/while conditions, && || operands). */
  private condDepth = 0;
  private functionDepth = 0;
  /** Nesting of `eval` and of `source`/`.`, for NESTING_LIMIT. */
  evalDepth = 0;
  sourceDepth = 0;
  /** How many `runText` calls are running (the outermost one stops a `toTop` abort). */
  private textDepth = 0;
  /** Function calls and loop rounds so far, to give the host a turn every STEPS_PER_TURN. */
  private steps = 0;
  /** How many loops enclose the running command (`break` outside one is an error). */
  loopDepth = 0;
  private dialectOf: ShellDialect | undefined;
  /** One scope per running function call: the callers' values of its `local` variables. */
  private localScopes: LocalScope[] = [];

  constructor(init: ShellInit) {
    this.world = init.world;
    this.process = init.process;
    this.foreground = init.foreground;
    this.terminal = init.terminal;
    this.env = init.env ?? new ShellEnvironment(init.process.env);
    this.positional = init.positional ?? [];
    this.arg0 = init.arg0 ?? 'bash';
    this.interactive = init.interactive ?? false;
    if (this.env.get('PWD') === undefined) {
      this.env.set('PWD', this.process.cwd);
      this.env.export('PWD');
    }
  }

  get cwd(): string {
    return this.process.cwd;
  }

  /** Whose error wording this shell uses: BusyBox ash (`sh` in an alpine root) or bash. */
  get dialect(): ShellDialect {
    this.dialectOf ??= shellDialect(this.process);
    return this.dialectOf;
  }

  set cwd(path: string) {
    this.process.cwd = path;
  }

  /** A copy of this shell for a subshell, `$(…)` or a pipeline stage: same state, own copy. */
  subshell(process: ShellProcess = this.process): Shell {
    const s = new Shell({
      world: this.world,
      process,
      foreground: this.foreground,
      terminal: this.terminal,
      env: this.env.clone(),
      positional: [...this.positional],
      arg0: this.arg0,
      interactive: false,
    });
    s.functions = new Map(this.functions);
    s.forkFamily = this.forkFamily;
    s.openFds = new Map(this.openFds);
    s.aliases = new Map(this.aliases);
    inheritLimits(this, s);
    s.lastStatus = this.lastStatus;
    s.options = { ...this.options };
    s.history = this.history;
    s.localScopes = this.localScopes.map((scope) => new Map(scope));
    // a subshell inherits the nesting (bash forks with its counters): `f() { (f); }` stops too
    s.functionDepth = this.functionDepth;
    s.evalDepth = this.evalDepth;
    s.sourceDepth = this.sourceDepth;
    return s;
  }

  /**
   * Parses and runs `text` (one or more complete lines). Syntax errors print bash's message and
   * give status 2. `exit` propagates as `ExitSignal` to the caller.
   */
  async runText(text: string, io: IO, final: boolean | ParseOptions = true): Promise<number> {
    const result = parse(text, { interactive: this.interactive, ...(typeof final === 'boolean' ? { final } : final) });
    if (result.kind === 'error') {
      io.stderr.write(`${result.message}\n`);
      this.lastStatus = 2;
      return 2;
    }
    if (result.kind === 'incomplete') {
      io.stderr.write('bash: syntax error: unexpected end of file\n');
      this.lastStatus = 2;
      return 2;
    }
    // the outermost text runs on the fds `exec` gave the shell
    if (this.textDepth === 0) io = withShellFds(this, io);
    // each line read at a prompt starts a new process family (a failed fork ends only its own)
    if (this.textDepth === 0 && this.interactive) this.forkFamily = newForkFamily(this);
    this.textDepth++;
    try {
      return await this.runList(result.program, io);
    } catch (e) {
      if (e instanceof AbortLine && !(e.toTop && this.textDepth > 1)) {
        this.lastStatus = e.status;
        return e.status;
      }
      if (e instanceof ExitSignal || e instanceof ReturnSignal || e instanceof LoopSignal || e instanceof AbortLine) throw e;
      // A bug of ours, not the learner's: say so plainly and keep the shell alive.
      io.stderr.write(`petlab: internal error in bash: ${e instanceof Error ? e.message : String(e)}\n`);
      this.lastStatus = 1;
      return 1;
    } finally {
      this.textDepth--;
    }
  }

  /**
   * Runs `body` one nesting level deeper in `kind` (function calls, `eval`, `source`). Past
   * NESTING_LIMIT it prints bash's FUNCNEST-style message and throws a `toTop` AbortLine(1),
   * which ends the whole command line as bash's `jump_to_top_level (DISCARD)` does.
   */
  async nested<T>(kind: 'functionDepth' | 'evalDepth' | 'sourceDepth', name: string, io: IO, body: () => Promise<T>): Promise<T> {
    if (this[kind] >= NESTING_LIMIT) {
      const what = kind === 'functionDepth' ? 'function' : kind === 'evalDepth' ? 'eval' : 'source';
      io.stderr.write(`bash: ${name}: maximum ${what} nesting level exceeded (${NESTING_LIMIT})\n`);
      throw new AbortLine(1, true);
    }
    if (++this.steps % STEPS_PER_TURN === 0) await this.yieldTurn();
    this[kind]++;
    try {
      return await body();
    } finally {
      this[kind]--;
    }
  }

  async runList(list: List, io: IO): Promise<number> {
    let status = this.lastStatus;
    for (const item of list.items) {
      for (const w of item.warnings ?? []) io.stderr.write(`${w}\n`); // bash's reader warns as it reaches the line
      if (io.interrupt.interrupted) return 130;
      if (item.background) {
        await this.startJob(item.node, item.text, io);
        status = 0;
        this.lastStatus = 0;
        continue;
      }
      const fdVersion = this.fdVersion;
      status = await this.runAndOr(item.node, io);
      this.lastStatus = status;
      // `exec >file; echo hi`: the rest of the outermost list writes to the new fds
      if (this.fdVersion !== fdVersion && this.textDepth === 1 && this.functionDepth === 0) io = withShellFds(this, io);
      if (this.exitRequested !== undefined) throw new ExitSignal(this.exitRequested);
    }
    return status;
  }

  private startJob(node: AndOr, text: string, io: IO): Promise<void> {
    return startJob(this, node, text, io);
  }

  /** Jobs that finished since the last prompt, as bash reports them (`[1]+  Done  sleep 5`). */
  finishedJobsReport(): string {
    return finishedJobsReport(this);
  }

  /** Whether a background job is still running. */
  hasRunningJobs(): boolean {
    return this.jobs.some((j) => j.status === undefined);
  }

  async runAndOr(node: AndOr, io: IO): Promise<number> {
    const conditional = node.rest.length > 0;
    if (conditional) this.condDepth++;
    let status: number;
    try {
      status = await this.runPipeline(node.first, io);
      for (let i = 0; i < node.rest.length; i++) {
        const { op, pipeline } = node.rest[i];
        this.lastStatus = status;
        if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
        if (i === node.rest.length - 1) this.condDepth--;
        status = await this.runPipeline(pipeline, io);
        if (i === node.rest.length - 1) this.condDepth++;
      }
    } finally {
      if (conditional) this.condDepth--;
    }
    this.lastStatus = status;
    return status;
  }

  async runPipeline(p: Pipeline, io: IO): Promise<number> {
    if (p.negate) this.condDepth++;
    let status: number;
    const started = this.world.now();
    try {
      if (p.commands.length === 0) status = this.lastStatus;
      else if (p.commands.length === 1) {
        status = await this.runCommand(p.commands[0], io);
        if (setsPipestatus(p.commands[0], this)) this.env.setArray('PIPESTATUS', [String(status)]);
      } else {
        const statuses = await this.runStages(p, io);
        this.env.setArray('PIPESTATUS', statuses.map(String));
        status = this.options.pipefail ? ([...statuses].reverse().find((s) => s !== 0) ?? 0) : statuses[statuses.length - 1];
      }
    } finally {
      if (p.negate) this.condDepth--;
      if (p.time) io.stderr.write(timeReport(this.world.now() - started, p.time));
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    // `! [[ … ]]` and `! (( … ))`: bash sets PIPESTATUS from the inverted status (execute_command_internal)
    if (p.negate && p.commands.length === 1 && isCondOrArith(p.commands[0])) this.env.setArray('PIPESTATUS', [String(status)]);
    this.lastStatus = status;
    if (status !== 0 && this.condDepth === 0 && !p.negate && this.traps.has('ERR') && !io.interrupt.interrupted) {
      // bash runs ERR for a failing simple command or pipeline, not again for its enclosing compound
      if (p.commands.length > 1 || p.commands[0]?.type === 'simple') await runErrTrap(this, io);
    }
    if (status !== 0 && this.options.errexit && this.condDepth === 0 && !p.negate && !io.interrupt.interrupted) {
      throw new ExitSignal(status);
    }
    return status;
  }

  /** Runs pipeline stages concurrently (a stage whose reader exits is interrupted: SIGPIPE); their statuses. */
  private async runStages(p: Pipeline, io: IO): Promise<number[]> {
    const n = p.commands.length;
    const pipes: Pipe[] = [];
    for (let i = 0; i < n - 1; i++) pipes.push(new Pipe());
    // bash forks every stage before any runs; a failed fork abandons the line (fork-limit.ts)
    const slots: (() => void)[] = [];
    try {
      for (let i = 0; i < n; i++) slots.push(await acquireFork(this, io.stderr));
    } catch (e) {
      for (const release of slots) release();
      throw e;
    }
    const statuses = await Promise.all(
      p.commands.map(async (cmd, i) => {
        const signal = new InterruptSignal(io.interrupt);
        if (i < n - 1) pipes[i].onReaderGone = () => signal.trigger();
        const stageIO: IO = {
          stdin: i === 0 ? io.stdin : pipes[i - 1],
          stdout: i === n - 1 ? io.stdout : pipes[i],
          stderr: io.stderr,
          interrupt: signal,
        };
        const sub = this.subshell();
        let status: number;
        try {
          status = await sub.runCommand(cmd, stageIO);
        } catch (e) {
          if (e instanceof ExitSignal || e instanceof AbortLine) status = e.status;
          else throw e;
        } finally {
          slots[i]();
          if (i < n - 1) pipes[i].close();
          if (i > 0) pipes[i - 1].closeReader();
        }
        // SIGPIPE (141) only for a writer the reader's exit stopped: one that wrote after it, or
        // was cut short (130); a stage that ended by itself keeps its status (`true | false`: 0 1)
        const sigpipe = i < n - 1 && signal.interrupted && !io.interrupt.interrupted && (status === 130 || pipes[i].wroteAfterReaderGone);
        return sigpipe ? 141 : status;
      }),
    );
    return statuses;
  }

  async runCommand(cmd: ShellCommand, io: IO): Promise<number> {
    if (cmd.type === 'simple') return runSimple(this, cmd, io);
    if (cmd.type === 'function') {
      if (cmd.invalid) return (io.stderr.write(`${cmd.invalid}\n`), 1);
      this.functions.set(cmd.name, { body: cmd.body, text: cmd.name });
      return 0;
    }
    let redirected: IO;
    let cleanup: () => void;
    try {
      ({ io: redirected, cleanup } = await applyRedirects(this, cmd.redirs, io));
    } catch (e) {
      if (e instanceof ExpansionError) return reportExpansion(e, io);
      if (e instanceof RedirectError) {
        io.stderr.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    try {
      switch (cmd.type) {
        case 'if':
          return await this.runIf(cmd, redirected);
        case 'for':
          return await this.runFor(cmd, redirected);
        case 'while':
        case 'until':
          return await this.runLoop(cmd, redirected);
        case 'case':
          return await this.runCase(cmd, redirected);
        case 'group':
          return await this.runList(cmd.body, redirected);
        case 'subshell': {
          const release = await acquireFork(this, io.stderr);
          const sub = this.subshell();
          const cwd = this.cwd;
          try {
            let status: number;
            try {
              status = await sub.runList(cmd.body, redirected);
            } catch (e) {
              // a subshell is its own process: an exit or a jump to top level ends only it
              if (e instanceof ExitSignal || e instanceof AbortLine) status = e.status;
              else throw e;
            }
            return await runExitTrap(sub, redirected, status);
          } finally {
            release();
            this.cwd = cwd;
          }
        }
      }
    } finally {
      cleanup();
    }
  }

  private async condition(list: List, io: IO): Promise<number> {
    this.condDepth++;
    try {
      return await this.runList(list, io);
    } finally {
      this.condDepth--;
    }
  }

  private async runIf(cmd: IfClause, io: IO): Promise<number> {
    for (const b of cmd.branches) {
      if ((await this.condition(b.cond, io)) === 0) return this.runList(b.body, io);
      if (io.interrupt.interrupted) return 130;
    }
    if (cmd.elseBody) return this.runList(cmd.elseBody, io);
    return 0;
  }

  /** Runs a loop body; returns 'break' or 'continue' when a LoopSignal for this loop arrived. */
  private async loopBody(body: List, io: IO): Promise<{ status: number; stop: boolean }> {
    this.loopDepth++;
    try {
      return { status: await this.runList(body, io), stop: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { status: 0, stop: e.kind === 'break' };
    } finally {
      this.loopDepth--;
    }
  }

  private async runFor(cmd: ForClause, io: IO): Promise<number> {
    const items = cmd.items ? await this.expandArgs(cmd.items, io) : [...this.positional];
    if (items === undefined) return 1;
    let status = 0;
    for (const item of items) {
      if (io.interrupt.interrupted) return 130;
      this.env.set(cmd.name, item);
      const r = await this.loopBody(cmd.body, io);
      status = r.status;
      if (r.stop) break;
      if (++this.steps % STEPS_PER_TURN === 0) await this.yieldTurn();
    }
    return status;
  }

  private async runLoop(cmd: LoopClause, io: IO): Promise<number> {
    let status = 0;
    for (let guard = 0; ; guard++) {
      if (io.interrupt.interrupted) return 130;
      const c = await this.condition(cmd.cond, io);
      if ((c === 0) !== (cmd.type === 'while')) break;
      const r = await this.loopBody(cmd.body, io);
      status = r.status;
      if (r.stop) break;
      // A loop that never waits on anything would freeze the page: after many rounds at one
      // virtual instant, give the event loop a turn so Ctrl-C and the clock can act.
      if (guard % STEPS_PER_TURN === STEPS_PER_TURN - 1) await this.yieldTurn();
    }
    return status;
  }

  private async yieldTurn(): Promise<void> {
    await this.foreground.yieldTurn();
  }

  private async runCase(cmd: CaseClause, io: IO): Promise<number> {
    const host = this.expansionHost(io);
    let subject: string;
    try {
      subject = await expandSingle(cmd.subject, host);
    } catch (e) {
      if (e instanceof ExpansionError) return reportExpansion(e, io);
      throw e;
    }
    let matched = false;
    let status = 0;
    for (const arm of cmd.arms) {
      if (!matched) {
        for (const p of arm.patterns) {
          if (compilePattern(await expandPattern(p, host)).test(subject)) {
            matched = true;
            break;
          }
        }
      }
      if (!matched) continue;
      status = await this.runList(arm.body, io);
      if (!arm.fallthrough) return status;
    }
    return status;
  }

  /** Expands words to argv; on an expansion error prints it and returns undefined. */
  async expandArgs(words: Parameters<typeof expandWords>[0], io: IO): Promise<string[] | undefined> {
    try {
      return await expandWords(words, this.expansionHost(io));
    } catch (e) {
      if (e instanceof ExpansionError) {
        this.lastStatus = reportExpansion(e, io);
        return undefined;
      }
      throw e;
    }
  }

  /** The view expansion has of this shell (variables, `$(…)`, the file system). */
  expansionHost(io: IO): ExpansionHost {
    return makeExpansionHost(this, io);
  }

  /** `$?`, `$$`, `$#`, `$0`, `$1`…, `$!`, `$-`. */
  special(name: string): string | undefined {
    return specialParameter(this, name);
  }

  /** Runs a function with `args` as its positional parameters. */
  async callFunction(name: string, args: string[], io: IO): Promise<number> {
    const fn = this.functions.get(name);
    if (!fn) return 127;
    return this.nested('functionDepth', name, io, () => this.runFunctionBody(fn.body, args, io));
  }

  private async runFunctionBody(body: ShellCommand, args: string[], io: IO): Promise<number> {
    const saved = this.positional;
    this.positional = args;
    const scope: LocalScope = new Map();
    this.localScopes.push(scope);
    try {
      return await this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.localScopes.pop();
      // bash's dynamic scoping: a `local` disappears when its function returns.
      for (const [n, v] of scope) {
        if (v.value === undefined) this.env.unset(n);
        else {
          this.env.set(n, v.value);
          if (v.exported) this.env.export(n);
        }
      }
      this.positional = saved;
    }
  }

  /**
   * `local NAME[=VALUE]` in the running function: remembers the caller's value (restored when
   * the function returns), then sets NAME, or unsets it when no value is given. False outside
   * a function.
   */
  declareLocal(name: string, value: string | undefined): boolean {
    const scope = this.localScopes[this.localScopes.length - 1];
    if (!scope) return false;
    if (!scope.has(name)) scope.set(name, { value: this.env.get(name), exported: this.env.isExported(name) });
    if (value === undefined) {
      if (!scope.get(name)?.declared) this.env.unset(name);
    } else this.env.set(name, value);
    scope.get(name)!.declared = true;
    return true;
  }

  get inFunction(): boolean {
    return this.functionDepth > 0;
  }
}

/**
 * Whether a one-command pipeline sets PIPESTATUS to its status: simple commands, `[[ ]]` and
 * `(( ))` do (bash's execute_simple_command and execute_command_internal); a compound command
 * leaves what its last pipeline set; a function call what its body's last command set.
 */
function setsPipestatus(cmd: ShellCommand, shell: Shell): boolean {
  if (cmd.type !== 'simple') return false;
  const w0 = cmd.words[0]?.parts[0];
  return !(cmd.words[0]?.parts.length === 1 && w0?.type === 'lit' && !w0.quoted && shell.functions.has(w0.text));
}

function isCondOrArith(cmd: ShellCommand): boolean {
  const w0 = cmd.type === 'simple' && cmd.words[0]?.parts.length === 1 ? cmd.words[0].parts[0] : undefined;
  return w0?.type === 'lit' && !w0.quoted && (w0.text === '[[' || w0.text === '((');
}
