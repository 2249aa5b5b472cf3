/**
 * Shared plumbing of the docker subcommands: the engine of the world, error printing in
 * docker/cli's formats, and flag parsing with cobra's usage errors.
 */
import type { CommandContext } from '../../types.ts';
import { DockerError } from '../../../emulator/docker/errors.ts';
import { dockerEngine, type DockerEngine } from '../../../emulator/docker/engine.ts';
import { FlagError, parseFlags, type FlagSpec, type ParsedFlags } from './flags.ts';

/** One `docker …` subcommand. */
export interface Subcommand {
  /** cobra's Use line after `docker `, e.g. `run [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
  readonly use: string;
  readonly short: string;
  run(ctx: CommandContext, args: readonly string[], path: string): Promise<number>;
}

/** The engine of the world the command runs in. */
export function engineOf(ctx: CommandContext): DockerEngine {
  return dockerEngine(ctx.world);
}

/** Writes `Error response from daemon: <msg>` (or a plain error) and returns 1. */
export function daemonError(ctx: CommandContext, e: unknown): number {
  if (e instanceof DockerError) ctx.stderr.write(`Error response from daemon: ${e.message}\n`);
  else ctx.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}

/** `docker run`/`create`'s format: `docker: Error response from daemon: …` + help hint, exit 125. */
export function runError(ctx: CommandContext, path: string, e: unknown, withHelp = true): number {
  const msg = e instanceof DockerError ? `Error response from daemon: ${e.message}` : e instanceof Error ? e.message : String(e);
  ctx.stderr.write(`docker: ${msg}${withHelp ? `\n\nRun '${path} --help' for more information` : ''}\n`);
  return 125;
}

/**
 * Parses flags; on error prints cobra's FlagErrorFunc text (`unknown flag: --foo`, a blank line,
 * `Usage:  docker run …`, `Run 'docker run --help' for more information`) and returns the exit code.
 */
export function parseOrUsage(
  ctx: CommandContext,
  args: readonly string[],
  specs: readonly FlagSpec[],
  path: string,
  use: string,
  interspersed = true,
): ParsedFlags | number {
  try {
    const f = parseFlags(args, specs, interspersed);
    if (f.help) {
      ctx.stdout.write(`\nUsage:  docker ${use}\n\n`);
      return 0;
    }
    return f;
  } catch (e) {
    if (e instanceof FlagError) {
      ctx.stderr.write(`${e.message}\n\nUsage:  docker ${use}\n\nRun '${path} --help' for more information\n`);
      return 125;
    }
    throw e;
  }
}

/**
 * cobra's argument-count errors as docker/cli's cli/required.go words them
 * (`docker: 'docker rm' requires at least 1 argument` … only that one says "See", the others "Run").
 */
export function argsError(ctx: CommandContext, path: string, use: string, want: 'min' | 'exact' | 'max' | 'range', n: number, m?: number): number {
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  let what: string;
  if (want === 'min') what = `requires at least ${n} ${plural(n)}`;
  else if (want === 'exact') what = `requires ${n} ${plural(n)}`;
  else if (want === 'max') what = `requires at most ${n} ${plural(n)}`;
  else what = `requires at least ${n} and at most ${m} ${plural(m ?? n)}`;
  const hint = want === 'min' ? 'See' : 'Run';
  ctx.stderr.write(`docker: '${path}' ${what}\n\nUsage:  docker ${use}\n\n${hint} '${path} --help' for more information\n`);
  return 1;
}

/** Runs `fn` for each reference, printing each success's ref and each error; exit 1 if any failed. */
export async function forEachRef(ctx: CommandContext, refs: readonly string[], fn: (ref: string) => Promise<void> | void, echo = true): Promise<number> {
  let status = 0;
  for (const ref of refs) {
    try {
      await fn(ref);
      if (echo) ctx.stdout.write(`${ref}\n`);
    } catch (e) {
      status = daemonError(ctx, e);
    }
  }
  return status;
}
