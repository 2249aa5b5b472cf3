/**
 * `curl` (7.88.1, Debian 12): GET/HEAD over the packet path. Prints the body (with -i the
 * headers, with -I only them), writes -o FILE, fails with curl's numbered errors:
 * (6) Could not resolve host, (7) Failed to connect … Connection refused / No route to host,
 * (28) timeouts, (22) with -f on HTTP errors, (52) Empty reply from server.
 */
import type { Command, CommandContext } from '../../types.ts';
import { getopt } from '../linux-common/getopt.ts';
import type { LongOption } from '../linux-common/getopt.ts';
import { httpRequest, parseUrl } from '../linux-common/http.ts';

const LONG: LongOption[] = [
  { name: 'silent', has: 0, key: 's' },
  { name: 'show-error', has: 0, key: 'S' },
  { name: 'output', has: 1, key: 'o' },
  { name: 'remote-name', has: 0, key: 'O' },
  { name: 'include', has: 0, key: 'i' },
  { name: 'head', has: 0, key: 'I' },
  { name: 'location', has: 0, key: 'L' },
  { name: 'fail', has: 0, key: 'f' },
  { name: 'max-time', has: 1, key: 'm' },
  { name: 'connect-timeout', has: 1, key: 'connect-timeout' },
  { name: 'request', has: 1, key: 'X' },
  { name: 'header', has: 1, key: 'H' },
  { name: 'data', has: 1, key: 'd' },
  { name: 'verbose', has: 0, key: 'v' },
  { name: 'version', has: 0, key: 'V' },
  { name: 'help', has: 1, key: 'h' },
  { name: 'insecure', has: 0, key: 'k' },
];

const VERSION = `curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13
Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u8
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;

async function run(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, 'sSo:OiILfm:X:H:d:vVh:k', LONG);
  if (!parsed.ok) {
    const opt = /'(-+[^']*)'/.exec(parsed.error)?.[1] ?? ctx.args[0];
    ctx.stderr.write(`curl: option ${opt}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  const opts = new Map(parsed.value.options);
  if (opts.has('V')) {
    ctx.stdout.write(VERSION);
    return 0;
  }
  if (opts.has('v')) {
    ctx.stderr.write("petlab: 'curl -v' is not available in this lab\n");
    return 1;
  }
  const silent = opts.has('s') && !opts.has('S');
  const fail = (code: number, message: string) => {
    if (!silent) ctx.stderr.write(`curl: (${code}) ${message}\n`);
    return code;
  };
  const target = parsed.value.operands[0];
  if (target === undefined) {
    ctx.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const url = parseUrl(target);
  if (!url) return fail(3, 'URL using bad/illegal format or missing URL');
  const head = opts.has('I');
  const method = opts.get('X') ?? (head ? 'HEAD' : opts.has('d') ? 'POST' : 'GET');
  const limit = opts.has('m') ? Number(opts.get('m')) * 1000 : opts.has('connect-timeout') ? Number(opts.get('connect-timeout')) * 1000 : undefined;
  const start = ctx.world.now();
  const result = httpRequest(ctx.world, ctx.process, url, method);
  const elapsed = () => ctx.world.now() - start;
  switch (result.kind) {
    case 'resolve-failed':
      if (result.timeout && !(await ctx.sleep(limit ?? 10_000))) return 130;
      return fail(6, `Could not resolve host: ${url.host}`);
    case 'refused':
      return fail(7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: Connection refused`);
    case 'unreachable':
      if (result.error === 'No route to host' && !(await ctx.sleep(3_000))) return 130;
      return fail(7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: ${result.error}`);
    case 'timeout': {
      // Without -m the kernel gives up on the SYN after its retries (about 130 s on Linux).
      if (!(await ctx.sleep(limit ?? 130_000))) return 130;
      if (limit !== undefined) return fail(28, `Connection timed out after ${limit + 1} milliseconds`);
      return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${elapsed()} ms: Connection timed out`);
    }
    case 'empty':
      return fail(52, 'Empty reply from server');
    case 'response': {
      if (opts.has('f') && result.status >= 400) return fail(22, `The requested URL returned error: ${result.status}`);
      const headerText = `HTTP/1.1 ${result.status} ${result.reason}\r\n${result.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
      const out = head ? headerText : opts.has('i') ? headerText + result.body : result.body;
      const file = opts.get('o') ?? (opts.has('O') ? url.path.split('/').pop() || undefined : undefined);
      if (opts.has('O') && file === undefined) return fail(23, 'Failed writing received data to disk/application');
      if (file !== undefined && file !== '-') {
        try {
          ctx.process.fs.writeFile(file, out);
        } catch (err) {
          ctx.stderr.write(`Warning: Failed to open the file ${file}: ${(err as Error).message}\n`);
          return fail(23, 'Failure writing output to destination');
        }
        if (!silent && !opts.has('s')) ctx.stderr.write(progress(out.length));
        return 0;
      }
      if (!opts.has('s') && ctx.stdout.isTTY === false) ctx.stderr.write(progress(out.length));
      ctx.stdout.write(out);
      return 0;
    }
  }
}

/** curl's progress meter, shown when output does not go to a terminal. */
function progress(size: number): string {
  const n = String(size).padStart(5);
  const speed = `${String(Math.max(1, Math.round(size / 1.024 / 1024) || size)).padStart(4)}${size >= 1024 ? 'k' : ' '}`;
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `100 ${n}  100 ${n}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}\n`
  );
}

export const command: Command = { name: 'curl', summary: 'transfer a URL', run };
export default command;
