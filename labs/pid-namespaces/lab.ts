/**
 * Lab: containers are processes. Start a shell as PID 1 of a new PID namespace with its own
 * /proc, give a UTS namespace its own hostname, and write down the namespace's id.
 */
import { defineLab } from '../../src/grading/define-lab.ts';
import { fail, pass } from '../../src/grading/checks/result.ts';
import { hostOf, hostnameInUtsNamespace, pidShell, procShowsOwnNamespace, readHostFile, shellIsPid1InNewNamespace } from '../../src/grading/checks/linux.ts';

const ANSWER = '/root/answers/pid-namespace.txt';

export default defineLab({
  id: 'pid-namespaces',
  title: 'Containers are processes: PID and UTS namespaces',
  summary: 'Build the core of a container by hand: a shell that is PID 1 of its own PID namespace, with its own /proc and its own hostname.',
  environment: 'linux',
  tasks: [
    {
      id: 'pid-1-shell',
      title: 'Start a shell that is PID 1',
      description: 'Start `bash` as the first process of a new PID namespace, so that inside it `echo $$` prints `1`. Leave that shell open.',
      hints: [
        'The util-linux tool for new namespaces is `unshare`; `unshare --help` lists one flag per namespace kind.',
        'A new PID namespace only applies to the *children* of the process that created it. Which flag makes `unshare` fork first?',
        'Run `unshare --pid --fork bash`.',
      ],
      check: ({ world }) => shellIsPid1InNewNamespace(world.linux),
    },
    {
      id: 'own-proc',
      title: 'Give the namespace its own /proc',
      description: 'Inside the new PID namespace, `ps` reads `/proc`. Make `ps` list only the processes of the namespace: `/proc/self` must point at PID 1.',
      needs: ['pid-1-shell'],
      hints: [
        '`/proc` is a file system mounted for one PID namespace; the host\'s still shows the host\'s processes.',
        'Mount a new proc file system — but in a mount namespace of its own, or you would hide the host\'s.',
        'Start the shell with `unshare --pid --fork --mount-proc bash` (`--mount-proc` implies `--mount`).',
      ],
      check: ({ world }) => procShowsOwnNamespace(world.linux),
    },
    {
      id: 'uts-hostname',
      title: 'Call the namespace pet-1',
      description: 'Set the hostname `pet-1` inside a new UTS namespace. The host must keep its own name, `petlab`.',
      hints: [
        'The hostname lives in the UTS namespace; `hostname NAME` changes it for every process sharing that namespace.',
        'Add `--uts` to `unshare`, then run `hostname pet-1` inside.',
      ],
      check: ({ world }) => hostnameInUtsNamespace(world.linux, { hostname: 'pet-1' }),
    },
    {
      id: 'record-namespace',
      title: 'Write down the namespace id',
      description: `Write the PID namespace of your PID-1 shell, as \`readlink /proc/1/ns/pid\` prints it inside (e.g. \`pid:[4026532161]\`; the number alone will do), into \`${ANSWER}\`.`,
      needs: ['pid-1-shell'],
      hints: [
        'Every process has a symbolic link per namespace under `/proc/<pid>/ns/`; `lsns -t pid` lists them too.',
        `Inside the new shell: \`readlink /proc/1/ns/pid > ${ANSWER}\`.`,
      ],
      check: ({ world }) => {
        const host = hostOf(world.linux);
        const shell = host ? pidShell(host) : undefined;
        if (!host || !shell) return fail('no shell runs as PID 1 of a new PID namespace');
        const text = readHostFile(world.linux, ANSWER);
        if (text === undefined) return fail(`${ANSWER} does not exist`);
        const written = text.trim();
        if (written === '') return fail(`${ANSWER} is empty: write ${shell.ns.pid.link.replace(/\[.*\]/, '[…]')} into it`);
        // `readlink` prints pid:[N]; `lsns -o NS` prints N alone. Either names the namespace.
        if (written.includes(String(shell.ns.pid.inode))) return pass(`${ANSWER} names ${shell.ns.pid.link}, the PID namespace of ${shell.comm} (PID 1)`);
        if (written.includes(String(host.initial.pid.inode))) return fail(`${ANSWER} names ${host.initial.pid.link}, the host's PID namespace; read the link from inside the new one`);
        return fail(`${ANSWER} says ${JSON.stringify(written.slice(0, 60))}, not the PID namespace of the PID-1 shell`);
      },
    },
  ],
});
