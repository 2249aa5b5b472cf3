/** `docker images` / `docker image ls` and `docker pull`, with docker/cli's table and jsonmessage progress. */
import type { CommandContext } from '../../types.ts';
import type { DockerEngine } from '../../../emulator/docker/engine.ts';
import { layerIds } from '../../../emulator/docker/image-catalogue.ts';
import { familiarRepo, parseReference, type ImageReference } from '../../../emulator/docker/reference.ts';
import type { Image } from '../../../emulator/docker/types.ts';
import { argsError, daemonError, engineOf, parseOrUsage, type Subcommand } from './common.ts';
import { renderRows } from './format.ts';
import { humanDuration, humanSize } from './human.ts';
import { TemplateError } from './go-template.ts';

const DEFAULT = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const HEADERS = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Digest: 'DIGEST', Containers: 'CONTAINERS' };

/** `docker images`. */
export const images: Subcommand = {
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [
      { long: 'all', short: 'a', kind: 'bool' },
      { long: 'quiet', short: 'q', kind: 'bool' },
      { long: 'format', kind: 'string' },
      { long: 'no-trunc', kind: 'bool' },
      { long: 'digests', kind: 'bool' },
      { long: 'filter', short: 'f', kind: 'list' },
      { long: 'tree', kind: 'bool' },
    ], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length > 1) return argsError(ctx, path, this.use, 'max', 1);
    if (f.bools.has('tree')) {
      ctx.stderr.write(`petlab: '${path} --tree' is not available in this lab\n`);
      return 1;
    }
    const engine = engineOf(ctx);
    let entries = [...engine.images.entries()].sort((a, b) => b[1].created - a[1].created || a[0].localeCompare(b[0]));
    const want = f.positionals[0];
    if (want) {
      entries = entries.filter(([key]) => {
        const [repo, tag] = key.split(':');
        const [wr, wt] = want.split(':');
        return repo === wr && (wt === undefined || wt === tag);
      });
    }
    const trunc = !f.bools.has('no-trunc');
    if (f.bools.has('quiet')) {
      const ids = [...new Set(entries.map(([, i]) => (trunc ? i.id.slice(7, 19) : i.id)))];
      ctx.stdout.write(ids.map((id) => `${id}\n`).join(''));
      return 0;
    }
    const rows = entries.map(([key, img]) => {
      const [repo, tag] = key.split(':');
      return {
        Repository: repo, Tag: tag, ID: trunc ? img.id.slice(7, 19) : img.id,
        CreatedSince: `${humanDuration(engine.now() - img.created)} ago`,
        CreatedAt: new Date(img.created).toISOString().replace('T', ' ').slice(0, 19) + ' +0000 UTC',
        Size: humanSize(img.spec.size), Digest: img.digest,
        Containers: String([...engine.containers.values()].filter((c) => c.image === img).length),
      };
    });
    let fmt = f.strings.get('format') ?? DEFAULT;
    if (fmt === 'table') fmt = DEFAULT;
    if (f.bools.has('digests') && fmt === DEFAULT) fmt = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
    try {
      ctx.stdout.write(renderRows(fmt, rows, HEADERS));
    } catch (e) {
      if (e instanceof TemplateError) return daemonError(ctx, e);
      throw e;
    }
    return 0;
  },
};

/**
 * Prints pull progress as a terminal ends up showing it, then the digest and status lines.
 * Returns the image, or throws DockerError. `out` is stdout for `docker pull`, stderr for `run`.
 */
export async function pullWithProgress(
  ctx: CommandContext,
  engine: DockerEngine,
  ref: string,
  write: (s: string) => void,
  quiet = false,
): Promise<{ image: Image; reference: ImageReference; upToDate: boolean }> {
  const parsed = parseReference(ref);
  const present = new Set([...engine.images.values()].flatMap((i) => layerIds(i.spec)));
  const result = engine.pull(ref);
  const name = `${familiarRepo(parsed)}:${parsed.tag}`;
  if (quiet) return result;
  if (!result.upToDate) {
    write(`${parsed.tag}: Pulling from ${parsed.path}\n`);
    const layers = layerIds(result.image.spec);
    for (const id of layers) {
      if (present.has(id)) {
        write(`${id}: Already exists\n`);
        continue;
      }
      await ctx.sleep(150);
      write(`${id}: Pull complete\n`);
    }
    write(`Digest: ${result.image.digest}\n`);
    write(`Status: Downloaded newer image for ${name}\n`);
  } else {
    write(`${parsed.tag}: Pulling from ${parsed.path}\n`);
    write(`Digest: ${result.image.digest}\n`);
    write(`Status: Image is up to date for ${name}\n`);
  }
  return result;
}

/** `docker pull`. */
export const pull: Subcommand = {
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [
      { long: 'all-tags', short: 'a', kind: 'bool' },
      { long: 'quiet', short: 'q', kind: 'bool' },
      { long: 'platform', kind: 'string' },
      { long: 'disable-content-trust', kind: 'bool' },
    ], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length !== 1) return argsError(ctx, path, this.use, 'exact', 1);
    const engine = engineOf(ctx);
    const ref = f.positionals[0];
    try {
      const parsed = parseReference(ref);
      if (parsed.defaultTag && !f.bools.has('quiet')) ctx.stdout.write('Using default tag: latest\n');
      await pullWithProgress(ctx, engine, ref, (s) => ctx.stdout.write(s), f.bools.has('quiet'));
      ctx.stdout.write(`${engine.canonical(parsed)}\n`);
      return 0;
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('invalid reference format')) {
        ctx.stderr.write(`${e.message}\n`);
        return 1;
      }
      return daemonError(ctx, e);
    }
  },
};

/** `docker rmi`. */
export const rmi: Subcommand = {
  use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'force', short: 'f', kind: 'bool' }, { long: 'no-prune', kind: 'bool' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    let status = 0;
    for (const ref of f.positionals) {
      try {
        const r = engine.removeImage(ref, f.bools.has('force'));
        ctx.stdout.write([...r.untagged.map((u) => `Untagged: ${u}`), ...r.deleted.map((d) => `Deleted: ${d}`)].map((l) => `${l}\n`).join(''));
      } catch (e) {
        status = daemonError(ctx, e);
      }
    }
    return status;
  },
};
