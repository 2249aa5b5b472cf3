import { describe, expect, it } from 'vitest';
import { behaviourOf } from './behaviour.ts';
import { lookupImage } from './images.ts';

const busybox = lookupImage('busybox:1.28')!;
const nginx = lookupImage('nginx:1.27')!;
const summary = (b: ReturnType<typeof behaviourOf>) => ({ exitAfterMs: b.exitAfterMs, exitCode: b.exitCode, ports: b.ports, program: b.program });

describe('behaviourOf', () => {
  it('tells servers by program name, not by words in the arguments', () => {
    expect([
      summary(behaviourOf({ name: 'c', image: 'busybox:1.28', args: ['nslookup', 'web-0.nginx'] }, busybox)),
      summary(behaviourOf({ name: 'c', image: 'busybox:1.28', command: ['sh', '-c', 'curl http://nginx/; exit 2'] }, busybox)),
      summary(behaviourOf({ name: 'c', image: 'nginx:1.27', command: ['sh', '-c', 'echo hi > /usr/share/nginx/html/index.html; nginx -g "daemon off;"'] }, nginx)),
      summary(behaviourOf({ name: 'c', image: 'busybox:1.28', args: ['sleep', 'infinity'] }, busybox)),
      summary(behaviourOf({ name: 'c', image: 'busybox:1.28', stdin: true, args: ['sh'] }, busybox)),
      summary(behaviourOf({ name: 'c', image: 'busybox:1.28', args: ['sh'] }, busybox)),
    ]).toEqual([
      { exitAfterMs: 50, exitCode: 0, ports: [], program: ['nslookup', 'web-0.nginx'] },
      { exitAfterMs: 50, exitCode: 2, ports: [], program: ['sh', '-c', 'curl http://nginx/; exit 2'] },
      { exitAfterMs: undefined, exitCode: 0, ports: [80], program: undefined },
      { exitAfterMs: undefined, exitCode: 0, ports: [], program: undefined },
      { exitAfterMs: undefined, exitCode: 0, ports: [], program: undefined },
      { exitAfterMs: 50, exitCode: 0, ports: [], program: undefined },
    ]);
  });
});
