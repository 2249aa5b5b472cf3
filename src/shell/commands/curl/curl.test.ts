// Texts: curl 7.88.1 (Debian 12) error lines "curl: (N) …" (lib/strerror.c, lib/connect.c
// "Failed to connect to %s port %u after %ld ms: %s"); GNU Wget 1.21.3 log lines; netcat-openbsd.
import { describe, expect, it } from 'vitest';
import { parseIp } from '../../../emulator/linux/net/ipv4.ts';
import { linuxShell } from '../linux-common/test-world.ts';

function withServer() {
  const sh = linuxShell();
  const linux = sh.world.linux;
  const host = linux.hosts.get('petlab')!;
  const stack = host.initial.net.stack;
  linux.net.listen(host.initial.net, {
    proto: 'tcp', port: 8080, ip: 0, program: 'web',
    handle: (req) => (req.startsWith('GET /missing') ? 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nnope\n' : 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n'),
  });
  void stack;
  return sh;
}

describe('curl', () => {
  it('fetches from a listener and from the internet', async () => {
    const sh = withServer();
    expect(await sh.run('curl http://10.0.2.15:8080/')).toEqual({ stdout: 'hello\n', stderr: '', status: 0 });
    expect(await sh.run('curl -i localhost:8080')).toEqual({ stdout: 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n', stderr: '', status: 0 });
    expect((await sh.run('curl -s http://example.com')).stdout.split('\n')[3]).toBe('    <title>Example Domain</title>');
    expect(await sh.run('curl -sf http://localhost:8080/missing')).toEqual({ stdout: '', stderr: '', status: 22 });
    expect(await sh.run('curl -f http://localhost:8080/missing')).toEqual({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', status: 22 });
  });

  it('reports refused, unresolvable and unreachable targets', async () => {
    const sh = withServer();
    expect(await sh.run('curl http://localhost:9999')).toEqual({ stdout: '', stderr: 'curl: (7) Failed to connect to localhost port 9999 after 0 ms: Connection refused\n', status: 7 });
    expect(await sh.run('curl http://nosuch.invalid/')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: nosuch.invalid\n', status: 6 });
    expect(await sh.run('curl -m 5 http://203.0.113.7/')).toEqual({ stdout: '', stderr: 'curl: (28) Connection timed out after 5001 milliseconds\n', status: 28 });
    expect(await sh.run('unshare --net curl http://10.0.2.15:8080/')).toEqual({ stdout: '', stderr: 'curl: (7) Failed to connect to 10.0.2.15 port 8080 after 0 ms: Network is unreachable\n', status: 7 });
    expect(await sh.run('curl --bogus x')).toEqual({ stdout: '', stderr: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", status: 2 });
    void parseIp;
  });
});

describe('wget, nc, getent, nslookup', () => {
  it('wget -qO- prints the body; the verbose log follows wget 1.21', async () => {
    const sh = withServer();
    expect(await sh.run('wget -qO- http://10.0.2.15:8080/')).toEqual({ stdout: 'hello\n', stderr: '', status: 0 });
    const r = await sh.run('wget http://10.0.2.15:8080/');
    expect(r.stderr).toBe(
      '--2026-11-29 10:00:00--  http://10.0.2.15:8080/\nConnecting to 10.0.2.15:8080... connected.\nHTTP request sent, awaiting response... 200 OK\nLength: 6 [text/plain]\nSaving to: ‘index.html’\n\nindex.html          100%[===================>]       6  --.-KB/s    in 0s      \n\n2026-11-29 10:00:00 (0.6 MB/s) - ‘index.html’ saved [6/6]\n\n',
    );
    expect((await sh.run('cat index.html')).stdout).toBe('hello\n');
  });

  it('nc -zv probes ports', async () => {
    const sh = withServer();
    expect(await sh.run('nc -zv 10.0.2.15 8080')).toEqual({ stdout: '', stderr: 'Connection to 10.0.2.15 8080 port [tcp/http-alt] succeeded!\n', status: 0 });
    expect(await sh.run('nc -zv 10.0.2.15 81')).toEqual({ stdout: '', stderr: 'nc: connect to 10.0.2.15 port 81 (tcp) failed: Connection refused\n', status: 1 });
  });

  it('getent hosts uses files then DNS; nslookup asks the nameserver', async () => {
    const sh = withServer();
    expect(await sh.run('getent hosts localhost petlab example.com nosuch.invalid')).toEqual({
      stdout: '127.0.0.1       localhost\n127.0.1.1       petlab\n93.184.215.14   example.com\n',
      stderr: '',
      status: 2,
    });
    expect(await sh.run('nslookup example.com')).toEqual({
      stdout: 'Server:\t\t10.0.2.3\nAddress:\t10.0.2.3#53\n\nNon-authoritative answer:\nName:\texample.com\nAddress: 93.184.215.14\n\n',
      stderr: '',
      status: 0,
    });
    expect(await sh.run('nslookup nosuch.invalid')).toEqual({ stdout: "Server:\t\t10.0.2.3\nAddress:\t10.0.2.3#53\n\n** server can't find nosuch.invalid: NXDOMAIN\n\n", stderr: '', status: 1 });
  });
});
