/** `docker inspect`, `docker container inspect`, with `-f`/`--format` Go templates. */
import type { CommandContext } from '../../types.ts';
import type { DockerEngine } from '../../../emulator/docker/engine.ts';
import { goJsonIndent, inspectContainer, inspectImage, inspectNetwork } from '../../../emulator/docker/inspect.ts';
import { argsError, engineOf, parseOrUsage, type Subcommand } from './common.ts';
import { renderTemplate, TemplateError } from './go-template.ts';

/**
 * Prints inspect documents as docker/cli does: a JSON array (4-space indent), or one rendered
 * template line per object; missing objects print their error after the others, exit 1.
 */
export function printInspect(ctx: CommandContext, docs: unknown[], errors: string[], format: string | undefined): number {
  if (format) {
    try {
      for (const d of docs) ctx.stdout.write(`${renderTemplate(format.replace(/\\n/g, '\n').replace(/\\t/g, '\t'), d)}\n`);
    } catch (e) {
      if (e instanceof TemplateError) {
        ctx.stderr.write(`template parsing error: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  } else ctx.stdout.write(`${goJsonIndent(docs)}\n`);
  for (const err of errors) ctx.stderr.write(`${err}\n`);
  return errors.length ? 1 : 0;
}

function find(engine: DockerEngine, ref: string, type: string | undefined): unknown | undefined {
  if (type === undefined || type === 'container') {
    const c = engine.findContainer(ref);
    if (c) return inspectContainer(engine, c);
  }
  if (type === undefined || type === 'image') {
    const img = engine.findImage(ref);
    if (img) return inspectImage(engine, img);
  }
  if (type === undefined || type === 'network') {
    const n = engine.findNetwork(ref);
    if (n) return inspectNetwork(engine, n);
  }
  return undefined;
}

/** `docker inspect`. */
export const inspect: Subcommand = {
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'format', short: 'f', kind: 'string' }, { long: 'size', short: 's', kind: 'bool' }, { long: 'type', kind: 'string' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    const docs: unknown[] = [];
    const errors: string[] = [];
    for (const ref of f.positionals) {
      const d = find(engine, ref, f.strings.get('type'));
      if (d) docs.push(d);
      else errors.push(`Error: No such object: ${ref}`);
    }
    return printInspect(ctx, docs, errors, f.strings.get('format'));
  },
};

/** `docker container inspect`. */
export const containerInspect: Subcommand = {
  use: 'container inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'format', short: 'f', kind: 'string' }, { long: 'size', short: 's', kind: 'bool' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    const docs: unknown[] = [];
    const errors: string[] = [];
    for (const ref of f.positionals) {
      const c = engine.findContainer(ref);
      if (c) docs.push(inspectContainer(engine, c));
      else errors.push(`Error response from daemon: No such container: ${ref}`);
    }
    return printInspect(ctx, docs, errors, f.strings.get('format'));
  },
};

/** `docker image inspect`. */
export const imageInspect: Subcommand = {
  use: 'image inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'format', short: 'f', kind: 'string' }, { long: 'platform', kind: 'string' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    const docs: unknown[] = [];
    const errors: string[] = [];
    for (const ref of f.positionals) {
      const img = engine.findImage(ref);
      if (img) docs.push(inspectImage(engine, img));
      else errors.push(`Error response from daemon: No such image: ${ref.includes(':') ? ref : `${ref}:latest`}`);
    }
    return printInspect(ctx, docs, errors, f.strings.get('format'));
  },
};
