/**
 * `wget`: GNU Wget 1.21.3 on Debian, BusyBox wget in alpine/busybox containers. `-q`, `-O FILE`
 * (`-O -` / `-qO-` to stdout), `-T` timeout, `--spider`. The log lines follow each tool's format.
 */
import type { Command, CommandContext } from '../../types.ts';
import { isBusyBox } from '../linux-common/busybox.ts';
import { getopt } from '../linux-common/getopt.ts';
import { httpRequest, parseUrl } from '../linux-common/http.ts';

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

async function run(ctx: CommandContext): Promise<number> {
  const busybox = isBusyBox(ctx.process, 'wget');
  const parsed = getopt(ctx.args, 'qO:T:S', [
    { name: 'quiet', has: 0, key: 'q' },
    { name: 'output-document', has: 1, key: 'O' },
    { name: 'timeout', has: 1, key: 'T' },
    { name: 'spider', has: 0, key: 'spider' },
    { name: 'server-response', has: 0, key: 'S' },
  ]);
  if (!parsed.ok) {
    if (busybox) ctx.stderr.write(`wget: ${parsed.error}\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n`);
    else ctx.stderr.write(`wget: ${parsed.error}\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`);
    return busybox ? 1 : 2;
  }
  const opts = new Map(parsed.value.options);
  const quiet = opts.has('q');
  const log = (text: string) => {
    if (!quiet) ctx.stderr.write(text);
  };
  const target = parsed.value.operands[0];
  if (target === undefined) {
    if (busybox) ctx.stderr.write('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
    else ctx.stderr.write("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  const url = parseUrl(target);
  if (!url) {
    ctx.stderr.write(busybox ? `wget: bad address '${target}'\n` : `${target}: Invalid URL.\n`);
    return 1;
  }
  const full = `${url.scheme}://${url.host}${(url.scheme === 'http' && url.port !== 80) || (url.scheme === 'https' && url.port !== 443) ? `:${url.port}` : ''}${url.path}`;
  const timeout = opts.has('T') ? Number(opts.get('T')) * 1000 : 900_000;
  const result = httpRequest(ctx.world, ctx.process, url);
  const file = opts.get('O') ?? (url.path.split('/').pop() || 'index.html');
  if (busybox) {
    if (result.kind === 'resolve-failed') {
      ctx.stderr.write(`wget: bad address '${url.host}'\n`);
      return 1;
    }
    log(`Connecting to ${url.host} (${result.ip}:${url.port})\n`);
    if (result.kind === 'refused' || result.kind === 'unreachable') {
      ctx.stderr.write(`wget: can't connect to remote host (${result.ip}): ${result.kind === 'refused' ? 'Connection refused' : result.error}\n`);
      return 1;
    }
    if (result.kind === 'timeout') {
      if (!(await ctx.sleep(timeout))) return 130;
      ctx.stderr.write('wget: download timed out\n');
      return 1;
    }
    if (result.kind === 'empty') {
      ctx.stderr.write('wget: error getting response: Connection reset by peer\n');
      return 1;
    }
    if (result.status >= 400) {
      ctx.stderr.write(`wget: server returned error: HTTP/1.1 ${result.status} ${result.reason}\n`);
      return 1;
    }
    if (file === '-') {
      log('writing to stdout\n');
      ctx.stdout.write(result.body);
      log(`-                    100% |********************************|   ${result.body.length}  0:00:00 ETA\nwritten to stdout\n`);
    } else {
      ctx.process.fs.writeFile(file, result.body);
      log(`saving to '${file}'\n${file.padEnd(20).slice(0, 20)} 100% |********************************|   ${result.body.length}  0:00:00 ETA\n'${file}' saved\n`);
    }
    return 0;
  }
  log(`--${stamp(ctx.world.now())}--  ${full}\n`);
  if (result.kind === 'resolve-failed') {
    log(`Resolving ${url.host} (${url.host})... failed: ${result.timeout ? 'Temporary failure in name resolution' : 'Name or service not known'}.\nwget: unable to resolve host address ‘${url.host}’\n`);
    return 4;
  }
  const resolving = url.host === result.ip ? '' : `Resolving ${url.host} (${url.host})... ${result.ip}\n`;
  const who = url.host === result.ip ? `${url.host}:${url.port}` : `${url.host} (${url.host})|${result.ip}|:${url.port}`;
  log(`${resolving}Connecting to ${who}... `);
  if (result.kind === 'refused' || result.kind === 'unreachable') {
    log(`failed: ${result.kind === 'refused' ? 'Connection refused' : result.error}.\n`);
    return 4;
  }
  if (result.kind === 'timeout') {
    if (!(await ctx.sleep(timeout))) return 130;
    log('failed: Connection timed out.\n');
    return 4;
  }
  log('connected.\nHTTP request sent, awaiting response... ');
  if (result.kind === 'empty') {
    log('No data received.\n');
    return 4;
  }
  log(`${result.status} ${result.reason}\n`);
  if (result.status >= 400) {
    log(`${stamp(ctx.world.now())} ERROR ${result.status}: ${result.reason}.\n\n`);
    return 8;
  }
  const type = result.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'text/html';
  const len = result.body.length;
  const shown = file === '-' ? 'STDOUT' : `‘${file}’`;
  log(`Length: ${len} [${type.split(';')[0]}]\nSaving to: ${shown}\n\n`);
  if (file === '-') ctx.stdout.write(result.body);
  else ctx.process.fs.writeFile(file, result.body);
  const bar = `${(file === '-' ? '-' : file).padEnd(19).slice(0, 19)} 100%[===================>] ${String(len).padStart(7)}  --.-KB/s    in 0s      \n\n`;
  log(`${bar}${stamp(ctx.world.now())} (${(len / 10.5).toFixed(1)} MB/s) - ${file === '-' ? 'written to stdout' : `${shown} saved`} [${len}/${len}]\n\n`);
  return 0;
}

export const command: Command = { name: 'wget', summary: 'the non-interactive network downloader', run };
export default command;
