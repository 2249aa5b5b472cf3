/**
 * `docker`: the Docker CLI (28) against the world's emulated engine. Subcommands live in the
 * cmd-*.ts files; real docker commands the lab does not emulate say so plainly (exit 1).
 */
import type { Command, CommandContext } from '../../types.ts';
import type { Subcommand } from './common.ts';
import { images, pull, rmi } from './cmd-images.ts';
import { containerInspect, imageInspect, inspect } from './cmd-inspect.ts';
import { kill, restart, rename, rm, stop } from './cmd-lifecycle.ts';
import { attach, exec, logs, port, swarm, top } from './cmd-misc.ts';
import { network } from './cmd-network.ts';
import { volume } from './cmd-volume.ts';
import { ps } from './cmd-ps.ts';
import { create, run, start } from './cmd-run.ts';
import { installProgramRunner } from './program-runner.ts';
import { CLI_COMMIT, DOCKER_VERSION, version } from './cmd-version.ts';

const TOP: Record<string, Subcommand> = {
  attach, create, exec, images, inspect, kill, logs, network, port, ps, pull, rename, restart, rm, rmi, run, start, stop, swarm, top, version, volume,
};

/** `docker container X` and `docker image X` aliases. */
const CONTAINER: Record<string, Subcommand> = {
  attach, create, exec, inspect: containerInspect, kill, logs, ls: ps, list: ps, ps, port, rename, restart, rm, remove: rm, run, start, stop, top,
};
const IMAGE: Record<string, Subcommand> = { inspect: imageInspect, ls: images, list: images, pull, rm: rmi, remove: rmi };

/** Real `docker container`/`docker image` subcommands outside the lab. */
const KNOWN_SUB: Record<string, Set<string>> = {
  container: new Set(['commit', 'cp', 'diff', 'export', 'pause', 'prune', 'stats', 'unpause', 'update', 'wait']),
  image: new Set(['build', 'history', 'import', 'load', 'prune', 'push', 'save', 'tag']),
};

/** Real docker commands outside the lab. */
const KNOWN = new Set([
  'build', 'builder', 'buildx', 'checkpoint', 'commit', 'compose', 'config', 'context', 'cp', 'diff', 'events', 'export',
  'history', 'import', 'info', 'load', 'login', 'logout', 'manifest', 'node', 'pause', 'plugin', 'push', 'save',
  'search', 'secret', 'service', 'stack', 'stats', 'system', 'tag', 'trust', 'unpause', 'update', 'wait',
]);

const USAGE = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  images      List images
  pull        Download an image from a registry

Management Commands:
  container   Manage containers
  image       Manage images
  network     Manage networks
  volume      Manage volumes
  swarm       Manage Swarm

Commands:
  attach      Attach local standard input, output, and error streams to a running container
  create      Create a new container
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  logs        Fetch the logs of a container
  port        List port mappings or a specific mapping for the container
  rename      Rename a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  start       Start one or more stopped containers
  stop        Stop one or more running containers
  top         Display the running processes of a container
  version     Show the Docker version information

Run 'docker COMMAND --help' for more information on a command.
`;

async function dispatch(ctx: CommandContext, table: Record<string, Subcommand>, args: readonly string[], prefix: string): Promise<number> {
  const [sub, ...rest] = args;
  if (prefix === 'docker' && (sub === '--version' || sub === '-v')) {
    ctx.stdout.write(`Docker version ${DOCKER_VERSION}, build ${CLI_COMMIT}\n`);
    return 0;
  }
  if (sub === undefined || sub === '--help' || sub === '-h') {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const s = table[sub];
  if (s && rest[0] === '--help' && sub !== 'network' && sub !== 'swarm' && sub !== 'volume') {
    // The usage and description of cobra's help; the lab does not list every option.
    ctx.stdout.write(`\nUsage:  docker ${s.use}\n\n${s.short}\n`);
    return 0;
  }
  if (s) return s.run(ctx, rest, `${prefix} ${sub}`);
  if (prefix === 'docker' && (sub === 'container' || sub === 'image')) {
    return dispatch(ctx, sub === 'container' ? CONTAINER : IMAGE, rest, `docker ${sub}`);
  }
  const group = prefix.split(' ')[1];
  if (prefix === 'docker' ? KNOWN.has(sub) : KNOWN_SUB[group]?.has(sub)) {
    ctx.stderr.write(`petlab: '${prefix} ${sub}' is not available in this lab\n`);
    return 1;
  }
  const usage = prefix === 'docker' ? '' : `Usage:  ${prefix} COMMAND\n\n`;
  ctx.stderr.write(`docker: unknown command: ${prefix} ${sub}\n\n${usage}Run '${prefix} --help' for more information\n`);
  return 1;
}

export const command: Command = {
  name: 'docker',
  summary: 'Docker CLI: run containers and manage images and networks',
  async run(ctx) {
    installProgramRunner(ctx);
    return dispatch(ctx, TOP, ctx.args, 'docker');
  },
};

export default command;
