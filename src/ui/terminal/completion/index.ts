/**
 * The shell-aware completer: decides from the words before the cursor whether to complete a
 * command name, a path, or arguments of `kubectl`, `docker` or `ip`, and asks the world (through
 * `CompletionSources`) for names. Pure: the workspace passes the sources in.
 */
import { continuesAtCommand } from './continuation.ts';
import { completeDocker } from './docker.ts';
import { completeIp } from './ip.ts';
import { completeKubectl } from './kubectl.ts';
import { completePath } from './paths.ts';
import type { CompletionSources } from './sources.ts';
import type { Completer, CompletionRequest, CompletionResult } from './types.ts';
import { matching, wordContext, type WordContext } from './words.ts';

export type { CompletionSources, DirEntry } from './sources.ts';
export type { Completer, CompletionResult } from './types.ts';

/** Commands whose first non-flag argument is another command. */
const WRAPPERS: Record<string, readonly string[]> = {
  sudo: [],
  time: [],
  nohup: [],
  exec: [],
  xargs: ['-I', '-n', '-d'],
  watch: ['-n', '--interval'],
  unshare: [],
  nsenter: ['-t', '--target'],
};

/** Commands whose arguments complete to directories only (bash-completion's `_cd`). */
const DIRECTORY_COMMANDS = new Set(['cd', 'pushd']);

/** Builds a completer over `sources`. */
export function createCompleter(sources: CompletionSources): Completer {
  return {
    complete(request: CompletionRequest): CompletionResult {
      const ctx = wordContext(request.line, request.cursor);
      if (request.continues === undefined) return completeWords(sources, ctx, request.cursor);
      // PS2: command names in a command position, else file names; no kubectl/docker/ip
      // completion (bash runs programmable completion only at PS1; see continuation.ts).
      const atCommand = ctx.words.length === 0 && (ctx.separated || continuesAtCommand(request.continues));
      if (atCommand) return completeCommandWord(sources, ctx, request.cursor);
      return ctx.current.startsWith('$') ? completeVariable(sources, ctx, request.cursor) : completePath(sources, ctx.current, ctx.from, request.cursor);
    },
  };
}

/** A command word: a name from $PATH, built-ins and functions, or a path when it has one. */
function completeCommandWord(sources: CompletionSources, ctx: WordContext, to: number): CompletionResult {
  if (ctx.current.startsWith('$')) return completeVariable(sources, ctx, to);
  if (ctx.current.includes('/') || ctx.current.startsWith('~') || ctx.current.startsWith('.')) {
    return completePath(sources, ctx.current, ctx.from, to, 'command');
  }
  return { from: ctx.from, to, candidates: matching(sources.commands(), ctx.current) };
}

function completeWords(sources: CompletionSources, ctx: WordContext, to: number): CompletionResult {
  const words = stripWrappers(ctx.words);
  const here: WordContext = { ...ctx, words };
  if (words.length === 0) return completeCommandWord(sources, ctx, to);
  switch (words[0]) {
    case 'kubectl':
      return completeKubectl(sources, here, to);
    case 'docker':
      return completeDocker(sources, here, to);
    case 'ip':
      return completeIp(sources, here, to);
    default:
      if (ctx.current.startsWith('$')) return completeVariable(sources, ctx, to);
      // bash-completion: `complete -F _cd -o nospace cd pushd` offers directories only
      return completePath(sources, ctx.current, ctx.from, to, DIRECTORY_COMMANDS.has(words[0]) ? 'dirs' : 'any');
  }
}

/**
 * `$HO<Tab>` → `$HOME`: a word starting with `$` completes to variable names (bash_default_completion
 * tries variables first for it). `${NAME` is not completed; `$(` starts a command (words.ts).
 */
function completeVariable(sources: CompletionSources, ctx: WordContext, to: number): CompletionResult {
  if (ctx.current.startsWith('${')) return { from: ctx.from, to, candidates: [] };
  const names = matching(sources.variables?.() ?? [], ctx.current.slice(1));
  return { from: ctx.from, to, candidates: names.map((n) => `$${n}`) };
}

/** `watch -n 1 kubectl get …` completes like `kubectl get …`. */
function stripWrappers(words: readonly string[]): readonly string[] {
  let rest = words;
  for (;;) {
    const name = rest[0];
    if (name === undefined || !Object.hasOwn(WRAPPERS, name)) return rest;
    let i = 1;
    while (i < rest.length && rest[i].startsWith('-')) i += WRAPPERS[name].includes(rest[i]) ? 2 : 1;
    if (i >= rest.length) return []; // the word being completed is the wrapped command
    rest = rest.slice(i);
  }
}
