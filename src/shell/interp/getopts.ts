/**
 * `getopts optstring name [arg ...]`, as bash 5.2 builtins/getopts.def and builtins/getopt.c:
 * one option per call from the arguments (or the positional parameters), OPTIND the index of the
 * next argument, OPTARG the option's argument; a leading `:` in optstring is the silent mode
 * (no messages; `?` with OPTARG the bad option, `:` with OPTARG the option lacking an argument).
 * Messages are `$0: illegal option -- x` and `$0: option requires an argument -- x`.
 */
import type { IO, Shell } from './shell.ts';

/** Where the scan stands between calls (bash's sh_optind, sh_curopt and sh_charindex). */
interface GetoptsState {
  optind: number;
  /** Index in the current argument of the next option character, 0 for none. */
  charIndex: number;
  /** The OPTIND value this module last set: a different one means the user reset it. */
  lastSet: string | undefined;
}

const states = new WeakMap<Shell, GetoptsState>();

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Runs `getopts`; status 0 for an option found (also a bad one), 1 at the end, 2 for usage. */
export function runGetopts(shell: Shell, args: string[], io: IO): number {
  if (args[0] === '--') args = args.slice(1);
  else if (args[0]?.startsWith('-') && args[0].length > 1) {
    io.stderr.write(`bash: getopts: ${args[0].slice(0, 2)}: invalid option\ngetopts: usage: getopts optstring name [arg ...]\n`);
    return 2;
  }
  if (args.length < 2) {
    io.stderr.write('getopts: usage: getopts optstring name [arg ...]\n');
    return 2;
  }
  let optstring = args[0];
  const name = args[1];
  const argv = [shell.arg0, ...(args.length > 2 ? args.slice(2) : shell.positional)];
  const silent = optstring.startsWith(':');
  if (silent) optstring = optstring.slice(1);

  let state = states.get(shell);
  const optindVar = shell.env.get('OPTIND');
  if (!state || optindVar !== state.lastSet) {
    // sv_optind: an assignment to OPTIND restarts the scan there (1, empty or negative: the start)
    const n = optindVar ? Number.parseInt(optindVar, 10) || 0 : 0;
    state = { optind: n < 0 || n === 1 ? 0 : n, charIndex: 0, lastSet: undefined };
    states.set(shell, state);
  }
  const s = state;
  const message = (text: string) => {
    if (!silent) io.stderr.write(`${argv[0]}: ${text}\n`);
  };
  const setVar = (n: string, v: string): number => {
    if (!NAME.test(n)) {
      io.stderr.write(`bash: getopts: \`${n}': not a valid identifier\n`);
      return 1;
    }
    shell.env.set(n, v);
    return 0;
  };
  const finish = (): void => {
    s.lastSet = String(s.optind);
    shell.env.set('OPTIND', s.lastSet);
  };

  // sh_getopt
  if (s.optind >= argv.length || s.optind < 0) {
    s.optind = argv.length;
    return end();
  }
  if (s.optind === 0) {
    s.optind = 1;
    s.charIndex = 0;
  }
  if (s.charIndex === 0) {
    if (s.optind >= argv.length) return end();
    const arg = argv[s.optind];
    if (arg === '--') {
      s.optind++;
      return end();
    }
    if (!arg.startsWith('-') || arg === '-') return end();
    s.charIndex = 1;
  }
  const current = argv[s.optind];
  const c = current[s.charIndex++];
  if (s.charIndex >= current.length) {
    s.optind++;
    s.charIndex = 0;
  }
  const at = c === ':' ? -1 : optstring.indexOf(c);
  if (at < 0) {
    message(`illegal option -- ${c}`);
    finish();
    const status = setVar(name, '?');
    if (silent) shell.env.set('OPTARG', c);
    else shell.env.unset('OPTARG');
    return status;
  }
  if (optstring[at + 1] === ':') {
    let optarg: string;
    if (s.charIndex > 0) {
      optarg = current.slice(s.charIndex);
      s.optind++;
    } else if (s.optind === argv.length) {
      message(`option requires an argument -- ${c}`);
      finish();
      if (silent) {
        const status = setVar(name, ':');
        shell.env.set('OPTARG', c);
        return status;
      }
      const status = setVar(name, '?');
      shell.env.unset('OPTARG');
      return status;
    } else optarg = argv[s.optind++];
    s.charIndex = 0;
    finish();
    shell.env.set('OPTARG', optarg);
  } else {
    finish();
    // bash binds OPTARG to a null value: unset as far as expansions can tell
    shell.env.unset('OPTARG');
  }
  const status = setVar(name, c);
  if (status !== 0) s.charIndex = 0;
  return status;

  function end(): number {
    finish();
    shell.env.unset('OPTARG');
    setVar(name, '?');
    return 1;
  }
}
