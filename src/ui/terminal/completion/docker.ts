/**
 * Completion for `docker`: subcommands, `docker network` subcommands, container names for the
 * commands that take a container, network names, images for `run`.
 */
import type { CompletionSources } from './sources.ts';
import type { CompletionResult } from './types.ts';
import { matching, positional, type WordContext } from './words.ts';

/** Top-level `docker` commands (docker/cli 28 `docker --help`), emulated or not. */
export const DOCKER_COMMANDS = [
  'attach', 'build', 'container', 'cp', 'create', 'exec', 'image', 'images', 'info', 'inspect', 'kill', 'logs',
  'network', 'pause', 'port', 'ps', 'pull', 'rename', 'restart', 'rm', 'rmi', 'run', 'start', 'stats', 'stop',
  'top', 'unpause', 'version', 'volume', 'wait',
] as const;

/** `docker container` subcommands (docs.docker.com reference/cli/docker/container). */
export const DOCKER_CONTAINER_COMMANDS = [
  'attach', 'commit', 'cp', 'create', 'diff', 'exec', 'export', 'inspect', 'kill', 'logs', 'ls', 'pause', 'port', 'prune',
  'rename', 'restart', 'rm', 'run', 'start', 'stats', 'stop', 'top', 'unpause', 'update', 'wait',
] as const;

export const DOCKER_NETWORK_COMMANDS = ['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm'] as const;

const CONTAINER_COMMANDS = new Set([
  'attach', 'exec', 'inspect', 'kill', 'logs', 'pause', 'port', 'rename', 'restart', 'rm', 'start', 'stats', 'stop',
  'top', 'unpause', 'wait',
]);
const VALUE_FLAGS = ['--name', '--network', '--net', '-e', '--env', '-p', '--publish', '-v', '--volume', '--driver', '-d', '--subnet', '--ip', '-u', '-w', '--hostname', '-h'];

/** Completes the word described by `ctx` for a `docker` command line. */
export function completeDocker(sources: CompletionSources, ctx: WordContext, to: number): CompletionResult {
  const { words, current, from } = ctx;
  const result = (candidates: string[]): CompletionResult => ({ from, to, candidates });
  const containers = () => [...(sources.dockerContainers?.() ?? [])];
  const networks = () => [...(sources.dockerNetworks?.() ?? [])];
  const previous = words[words.length - 1];
  if (previous === '--network' || previous === '--net') return result(matching(networks(), current));
  if (current.startsWith('--network=')) return result(matching(networks().map((n) => `--network=${n}`), current));
  if (current.startsWith('-')) return result([]);

  // `docker network create -d bridge x`: -d takes a value there, while `docker run -d` does not.
  const args = positional(words, words[1] === 'network' ? VALUE_FLAGS : VALUE_FLAGS.filter((f) => f !== '-d'));
  if (args.length === 0) return result(matching(DOCKER_COMMANDS, current));
  const [command, sub] = args;
  if (command === 'network') {
    if (args.length === 1) return result(matching(DOCKER_NETWORK_COMMANDS, current));
    if (sub === 'rm' || sub === 'inspect') return result(matching(networks(), current));
    if (sub === 'connect' || sub === 'disconnect') {
      return result(matching(args.length === 2 ? networks() : containers(), current));
    }
    return result([]);
  }
  if (command === 'container') {
    if (args.length === 1) return result(matching(DOCKER_CONTAINER_COMMANDS, current));
    // `docker container stop b<Tab>` completes as `docker stop b<Tab>`
    const at = words.indexOf('container');
    return completeDocker(sources, { ...ctx, words: [...words.slice(0, at), ...words.slice(at + 1)] }, to);
  }
  if (CONTAINER_COMMANDS.has(command) && (args.length === 1 || command === 'rm' || command === 'stop' || command === 'start' || command === 'kill')) {
    return result(matching(containers(), current));
  }
  if ((command === 'run' || command === 'create') && args.length === 1) {
    return result(matching(sources.dockerImages?.() ?? [], current));
  }
  return result([]);
}
