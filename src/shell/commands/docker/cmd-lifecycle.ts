/** `docker stop|restart|kill|rm|rename` with the daemon's error texts. */
import { exitContainer, killContainer, removeContainer, renameContainer, startContainer, stopPlan } from '../../../emulator/docker/container-ops.ts';
import { argsError, daemonError, engineOf, forEachRef, parseOrUsage, type Subcommand } from './common.ts';

/** `docker stop`. */
export const stop: Subcommand = {
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'time', short: 't', kind: 'int' }, { long: 'timeout', kind: 'int' }, { long: 'signal', short: 's', kind: 'string' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    const t = Number(f.strings.get('time') ?? f.strings.get('timeout') ?? 10);
    return forEachRef(ctx, f.positionals, async (ref) => {
      const c = engine.container(ref);
      if (c.state.status === 'restarting') c.state.status = 'exited';
      if (c.state.status !== 'running') return;
      const plan = stopPlan(c, t);
      await ctx.sleep(plan.delayMs);
      exitContainer(engine, c, plan.exitCode, true);
    });
  },
};

/** `docker restart`. */
export const restart: Subcommand = {
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'time', short: 't', kind: 'int' }, { long: 'signal', short: 's', kind: 'string' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    const t = Number(f.strings.get('time') ?? 10);
    return forEachRef(ctx, f.positionals, async (ref) => {
      const c = engine.container(ref);
      if (c.state.status === 'running') {
        const plan = stopPlan(c, t);
        await ctx.sleep(plan.delayMs);
        exitContainer(engine, c, plan.exitCode, true);
      }
      if (c.state.status === 'restarting') c.state.status = 'exited';
      startContainer(engine, c);
    });
  },
};

/** `docker kill`. */
export const kill: Subcommand = {
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'signal', short: 's', kind: 'string' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    return forEachRef(ctx, f.positionals, (ref) => killContainer(engine, engine.container(ref), f.strings.get('signal') ?? 'KILL'));
  },
};

/** `docker rm`. */
export const rm: Subcommand = {
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'force', short: 'f', kind: 'bool' }, { long: 'volumes', short: 'v', kind: 'bool' }, { long: 'link', short: 'l', kind: 'bool' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    let status = 0;
    for (const ref of f.positionals) {
      try {
        const c = engine.findContainer(ref);
        if (!c && f.bools.has('force')) {
          // docker/cli: with --force a missing container is reported but is not a failure.
          ctx.stderr.write(`Error response from daemon: No such container: ${ref}\n`);
          continue;
        }
        removeContainer(engine, c ?? engine.container(ref), f.bools.has('force'));
        ctx.stdout.write(`${ref}\n`);
      } catch (e) {
        status = daemonError(ctx, e);
      }
    }
    return status;
  },
};

/** `docker rename`. */
export const rename: Subcommand = {
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length !== 2) return argsError(ctx, path, this.use, 'exact', 2);
    const engine = engineOf(ctx);
    try {
      const [ref, name] = f.positionals;
      const c = engine.findContainer(ref);
      if (!c) {
        ctx.stderr.write(`Error response from daemon: No such container: ${ref}\nError: failed to rename container named ${ref}\n`);
        return 1;
      }
      renameContainer(engine, c, name);
      return 0;
    } catch (e) {
      daemonError(ctx, e);
      ctx.stderr.write(`Error: failed to rename container named ${f.positionals[0]}\n`);
      return 1;
    }
  },
};
