/**
 * `petlab shell`: the emulated world in your own terminal.
 *
 *   petlab shell [--seed N] [--environment NAME]            an interactive shell (node:readline)
 *   petlab shell --script FILE [--seed N] [--timeout SECS]  a transcript: `$ cmd` lines, then output
 *
 * Interactively, virtual time follows real time and Ctrl-C interrupts the running command. In
 * script mode, each line runs as if typed (here-document bodies come from the following lines),
 * virtual time jumps ahead whenever every command waits on it (`sleep 5` returns at once), and a
 * command still running after the timeout (default 60 s of virtual time) is interrupted as if
 * Ctrl-C had been pressed. The exit status is the last command's.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createWorld } from '../emulator/environment.ts';
import { ShellSession } from '../shell/session.ts';
import type { Output, Terminal } from '../shell/types.ts';

interface Options {
  script?: string;
  seed: number;
  environment?: string;
  timeoutMs: number;
}

const USAGE = `Usage: petlab shell [--script FILE] [--seed N] [--environment NAME] [--timeout SECONDS]

  --script FILE       run FILE's lines as if typed and print a transcript ('-' reads stdin)
  --seed N            seed of the world's randomness (default 1)
  --environment NAME  the world to start from (default linux)
  --timeout SECONDS   in script mode, interrupt a command after this much virtual time (default 60)
`;

function parseArgs(args: string[]): Options | string {
  const options: Options = { seed: 1, timeoutMs: 60_000 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = () => (a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : args[++i]);
    switch (name) {
      case '--script': {
        const v = value();
        if (v === undefined) return "option '--script' requires an argument";
        options.script = v;
        break;
      }
      case '--seed': {
        const v = value();
        if (v === undefined || !/^[0-9]+$/.test(v)) return `invalid --seed '${v ?? ''}': expected a non-negative integer`;
        options.seed = Number(v);
        break;
      }
      case '--environment': {
        const v = value();
        if (v === undefined) return "option '--environment' requires an argument";
        options.environment = v;
        break;
      }
      case '--timeout': {
        const v = value();
        if (v === undefined || !(Number(v) > 0)) return `invalid --timeout '${v ?? ''}': expected a number of seconds`;
        options.timeoutMs = Number(v) * 1000;
        break;
      }
      case '--help':
      case '-h':
        return 'help';
      default:
        return `unknown option '${a}'`;
    }
  }
  return options;
}

/** Runs `petlab shell`; resolves to the exit status. */
export async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    process.stderr.write(`petlab shell: ${options}\n\n${USAGE}`);
    return 2;
  }
  let world;
  try {
    world = createWorld({ seed: options.seed, environment: options.environment });
  } catch (e) {
    process.stderr.write(`petlab shell: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (options.script !== undefined) {
    let text: string;
    try {
      text = options.script === '-' ? await readStdin() : await readFile(options.script, 'utf8');
    } catch (e) {
      const code = (e as { code?: string }).code;
      process.stderr.write(`petlab shell: cannot read '${options.script}': ${code === 'ENOENT' ? 'No such file or directory' : e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    const session = new ShellSession({ world, maxCommandMs: options.timeoutMs });
    const result = await session.runScript(text);
    process.stdout.write(result.transcript);
    return result.status;
  }
  return interactive(world);
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

/** The REPL: readline for line editing and history, a real-time clock, Ctrl-C to interrupt. */
async function interactive(world: ReturnType<typeof createWorld>): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true, historySize: 1000 });
  const lines: string[] = [];
  let waiting: ((line: string | null) => void) | undefined;
  let closed = false;
  rl.on('line', (line) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(line);
    } else lines.push(line);
  });
  rl.on('close', () => {
    closed = true;
    waiting?.(null);
    waiting = undefined;
  });
  const stdout: Output = {
    write: (t) => void process.stdout.write(t),
    isTTY: process.stdout.isTTY === true,
    // a slow terminal or pipe (`petlab shell | less`) makes `yes` wait instead of buffering without end
    drain: () => (process.stdout.writableNeedDrain ? new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())) : undefined),
  };
  const terminal: Terminal = {
    get columns() {
      return process.stdout.columns || 80;
    },
    get rows() {
      return process.stdout.rows || 24;
    },
    readLine(prompt: string) {
      if (lines.length > 0) return Promise.resolve(lines.shift() as string);
      if (closed) return Promise.resolve(null);
      rl.setPrompt(prompt);
      rl.prompt();
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    clear() {
      process.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    },
  };
  const session = new ShellSession({ world, terminal, stdout, stderr: { write: (t) => void process.stderr.write(t) }, clock: 'external' });
  rl.on('SIGINT', () => {
    if (session.foreground.current()) session.interrupt();
    else {
      // At the prompt bash prints ^C and a fresh prompt.
      process.stdout.write('^C\n');
      rl.write(null, { ctrl: true, name: 'u' });
      rl.prompt();
    }
  });
  // Virtual time follows real time while the shell runs.
  let last = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    world.advance(now - last);
    last = now;
  }, 20);
  try {
    return await session.runInteractive();
  } finally {
    clearInterval(ticker);
    rl.close();
  }
}
