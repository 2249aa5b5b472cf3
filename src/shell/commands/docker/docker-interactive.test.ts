/**
 * Interactive use: `docker run -it` (a shell inside the container's namespaces), `-i` with piped
 * input, Ctrl-P Ctrl-Q detach (docker/cli hijack.go: escape proxy, `read escape sequence`),
 * `docker exec -it`, and a detached main process run through the shell (`ping -c 3`) whose
 * output lands in `docker logs`.
 */
import { expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

test('run -it runs a shell as PID 1 in the container; its exit status is the container\'s', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  expect(await sh.run('docker run -it --name box alpine sh', 'hostname\necho $$\nexit 3\n')).toEqual({ stdout: 'a8be388a3c21\n1\n', stderr: '', status: 3 });
  expect(await sh.run('docker ps -a --format "{{.Names}} {{.Status}}"')).toEqual({ stdout: 'box Exited (3) Less than a second ago\n', stderr: '', status: 0 });
});

test('Ctrl-P Ctrl-Q detaches from run -it and from attach; the container keeps running', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  expect(await sh.run('docker run -it --name bg alpine sh', 'hostname\n\x10\x11')).toEqual({ stdout: 'a8be388a3c21\n', stderr: '', status: 0 });
  expect(await sh.run('docker attach bg', 'echo again\n\x10\x11')).toEqual({ stdout: 'again\n', stderr: 'read escape sequence\n', status: 1 });
  expect(await sh.run('docker ps --format "{{.Names}} {{.Status}}"')).toEqual({ stdout: 'bg Up Less than a second\n', stderr: '', status: 0 });
  await sh.run('docker stop bg');
  expect(await sh.run('docker attach bg')).toEqual({ stdout: '', stderr: 'You cannot attach to a stopped container, start it first\n', status: 1 });
});

test('run -i reads commands from piped stdin', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  expect(await sh.run('docker run -i --rm alpine sh', 'echo from-stdin\n')).toEqual({ stdout: 'from-stdin\n', stderr: '', status: 0 });
});

test('a detached main process runs through the shell and logs its output', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  await sh.run('docker run -d --name hello alpine echo hello from the container');
  await sh.run('sleep 1');
  expect(await sh.run('docker logs hello')).toEqual({ stdout: 'hello from the container\n', stderr: '', status: 0 });
  expect(await sh.run('docker ps -a --format "{{.Names}} {{.Status}}"')).toEqual({ stdout: 'hello Exited (0) 1 second ago\n', stderr: '', status: 0 });
});
