/**
 * The contract between the shell and every command it runs (built-ins, coreutils, `ip`,
 * `docker`, `kubectl`, `petlab`…). A command is an async function of a context; it writes to
 * its streams, returns an exit status, and never throws at the user: an unexpected exception is
 * turned into a `petlab: internal error` message by the interpreter.
 *
 * Time is virtual: `ctx.sleep` resolves when the world's clock reaches the deadline, whoever moves
 * it (the browser's real-time driver, `petlab shell --script`, or a test calling `world.advance`).
 */
import type { World } from '../emulator/world.ts';
import type { Process } from '../emulator/linux/process.ts';

/** Where a command writes. Writes after the reader went away are dropped silently. */
export interface Output {
  write(text: string): void;
  /** True when this is the terminal (ls then prints columns). @default false */
  readonly isTTY?: boolean;
  /**
   * Backpressure: undefined while the reader keeps up, else a promise that resolves once it has
   * caught up (a pipe drained below its capacity, a terminal that drew what it was given, the
   * reader gone). The shell awaits it before each command and in `ctx.sleep`, as a write to a
   * full pipe blocks. Absent: always writable.
   */
  drain?(): Promise<void> | undefined;
  /**
   * The strerror text of the first write that failed since the last call (a file on /dev/full:
   * `No space left on device`), cleared by the call. The shell reports it after each command as
   * bash and coreutils do (`bash: echo: write error: …`). Absent: writes never fail.
   */
  takeWriteError?(): string | undefined;
}

/** Where a command reads. Reads resolve to `null` at end of input or when interrupted. */
export interface Input {
  /** The next chunk of input as it arrives (a typed line, a piped write), or null at EOF. */
  read(): Promise<string | null>;
  /** The next line without its newline, or null at EOF. */
  readLine(): Promise<string | null>;
  /** Everything until EOF. */
  readAll(): Promise<string>;
  /** True when this is the terminal (commands such as `cat` then echo interactively). */
  readonly isTTY: boolean;
}

/** Ctrl-C. Long-running commands watch it and stop the way the real tool stops. */
export interface Interrupt {
  readonly interrupted: boolean;
  /** Calls `listener` once on interrupt (at once if already interrupted); returns a disposer. */
  onInterrupt(listener: () => void): () => void;
}

/** The terminal, when the shell is interactive. The UI and `petlab shell` implement it. */
export interface Terminal {
  readonly columns: number;
  readonly rows: number;
  /**
   * Reads one edited line after printing `prompt`; null on Ctrl-D at an empty line. With
   * `options.escapeKeys` (docker's detach keys, Ctrl-P Ctrl-Q = `\x10\x11`), typing that key
   * sequence ends the read at once: it resolves to the sequence itself (the line being edited is
   * dropped, nothing is echoed), as docker's escape proxy takes the keys before the program
   * sees them. A terminal that cannot tell keys apart may return a line that merely contains it.
   */
  readLine(prompt: string, options?: ReadLineOptions): Promise<string | null>;
  /** Clears the screen (`clear`, Ctrl-L). */
  clear(): void;
}

export interface ReadLineOptions {
  /** A key sequence that ends the read and is returned as the line (see `Terminal.readLine`). */
  escapeKeys?: string;
  /**
   * Set by the REPL for a continuation (PS2) read: Ctrl-C at this prompt abandons the pending
   * command as in bash, so the terminal shows `^C` and resolves with `READ_INTERRUPTED` instead
   * of prompting again. A terminal without Ctrl-C ignores it.
   */
  interruptible?: boolean;
}

/** What `Terminal.readLine` resolves with when Ctrl-C ended an `interruptible` read. */
export const READ_INTERRUPTED = '\x03';

/** Environment variables of one process, with export marks. */
export interface Environment {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  unset(name: string): void;
  export(name: string): void;
  /** Exported variables, as a child process would inherit them. */
  exported(): Record<string, string>;
  /** All variables (for `set`). */
  all(): Record<string, string>;
  /** `name=(values…)`: makes `name` an indexed array (the shell's own variables have arrays). */
  setArray?(name: string, values: readonly string[]): void;
  /** The elements of `name`: its array, a plain variable as one element, or undefined. */
  getArray?(name: string): readonly string[] | undefined;
}

export interface CommandContext {
  /** The name the command was invoked as (argv[0]). */
  readonly name: string;
  /** Arguments after the name, already expanded. */
  readonly args: readonly string[];
  readonly stdin: Input;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Environment;
  /** The caller's working directory (absolute). */
  readonly cwd: string;
  readonly world: World;
  /**
   * The emulated process this command runs as (a child of the shell's process). Its host and
   * namespaces decide what the command sees: PIDs, hostname, mounts, interfaces, files.
   */
  readonly process: Process;
  readonly interrupt: Interrupt;
  /** Present when the command runs on an interactive terminal. */
  readonly terminal?: Terminal;
  /** Waits `ms` of virtual time; resolves false if interrupted first. */
  sleep(ms: number): Promise<boolean>;
  /**
   * Runs a command line in a child shell of this process (for `watch`, `xargs`, `sh -c`,
   * `kubectl exec`, `docker exec`). Options move it into another process's namespaces.
   */
  spawnShell(options: SpawnShellOptions): Promise<number>;
  /**
   * The calling shell itself, for built-ins that change its state (`cd`, `export`, `exit`,
   * `history`, `.`). Other commands leave it alone.
   */
  readonly shell?: ShellControl;
}

/** What a built-in may do to the shell that runs it. */
export interface ShellControl {
  /** The shell's own variables (ctx.env may be a copy with `VAR=x cmd` assignments). */
  readonly vars: Environment;
  /** The shell's working directory; `setCwd` does no checks (cd checks first). */
  readonly cwd: string;
  setCwd(absolutePath: string): void;
  /** Ends the shell with `status` after the current command (`exit`); -1 means `$?`. */
  exit(status: number): void;
  /** Whether this shell reads commands from a terminal. */
  readonly interactive: boolean;
  /** Lines typed so far, oldest first (`history`). */
  readonly history: readonly string[];
  clearHistory(): void;
  /**
   * Runs `text` in this shell, as `.`/`source` and `eval` do; `args` become $1… for it. Past
   * 1000 nested sources it prints `bash: FILE: maximum source nesting level exceeded (1000)`
   * and ends the command line (status 1).
   */
  source(text: string, io: { stdin: Input; stdout: Output; stderr: Output }, args?: readonly string[], file?: string): Promise<number>;
  /** How `type` describes a name: 'keyword', 'function', 'builtin', 'file' or undefined. */
  kind(name: string): 'alias' | 'keyword' | 'function' | 'builtin' | 'file' | undefined;
  /** The value of an alias, for `type`. */
  aliasValue?(name: string): string | undefined;
  /** The source text of a function, for `type`. */
  functionText(name: string): string | undefined;
}

export interface SpawnShellOptions {
  /** A command line to run (`sh -c`), or undefined for an interactive shell on the terminal. */
  script?: string;
  /**
   * The process the new shell runs as: its host, namespaces, cwd and env (e.g. the process
   * `unshare` or `nsenter` created, or a container's). @default a new child of the caller
   */
  in?: Process;
  /** argv of the shell program, shown in `ps`. @default ['sh'] */
  argv?: string[];
  /** `$0` of the new shell. @default argv[0] */
  arg0?: string;
  /** Positional parameters `$1…` of the new shell. @default none */
  args?: string[];
  stdin?: Input;
  stdout?: Output;
  stderr?: Output;
  /**
   * Wraps the terminal an interactive shell reads its lines from (docker's detach-key proxy).
   * @default the caller's terminal as is
   */
  wrapTerminal?: (terminal: Terminal) => Terminal;
}

/** One command (one folder under `src/shell/commands/`). */
export interface Command {
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  run(ctx: CommandContext): Promise<number>;
}

/** Exit statuses the shell itself gives. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  cannotExecute: 126,
  notFound: 127,
  interrupted: 130,
} as const;
