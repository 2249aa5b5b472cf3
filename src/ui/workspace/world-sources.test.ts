/**
 * Completion follows the shell the learner types to: after `unshare … bash`, `docker exec -it c
 * sh` or `kubectl exec -it p -- sh`, commands come from that shell's $PATH in its process's file
 * system and paths from its root and working directory — not from the outer shell's.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../../shell/session.ts';
import { BufferOutput } from '../../shell/interp/streams.ts';
import type { Terminal } from '../../shell/types.ts';
import { createCompleter } from '../terminal/completion/index.ts';
import { planCompletion } from '../terminal/completion/apply.ts';
import { worldSources } from './world-sources.ts';

type Step = string | ((session: ShellSession) => void | Promise<void>);

/** Runs `steps` at the session's prompts: strings are typed lines, functions look at the world. */
async function atPrompts(environment: string, steps: Step[]): Promise<string> {
  const screen = new BufferOutput();
  const holder: { session?: ShellSession } = {};
  const terminal: Terminal = {
    columns: 80,
    rows: 24,
    readLine: async (prompt) => {
      let step = steps.shift();
      while (typeof step === 'function') {
        await step(holder.session as ShellSession);
        step = steps.shift();
      }
      screen.write(step === undefined ? prompt : `${prompt}${step}\n`);
      return step ?? null;
    },
    clear: () => undefined,
  };
  holder.session = new ShellSession({ world: createWorld({ environment }), terminal, stdout: screen, stderr: screen });
  await holder.session.runInteractive();
  return screen.text;
}

/** The candidates completion offers for `line` with the cursor at its end. */
async function candidates(session: ShellSession, line: string, environment: string): Promise<string[]> {
  const result = await createCompleter(worldSources(session, environment)).complete({ line, cursor: line.length });
  return [...result.candidates].sort();
}

/** The line after one Tab at its end (unchanged when Tab rings the bell or lists). */
async function tab(session: ShellSession, line: string, environment: string): Promise<string> {
  const result = await createCompleter(worldSources(session, environment)).complete({ line, cursor: line.length });
  const step = planCompletion(result, { text: line, cursor: line.length }, false);
  return step.kind === 'replace' ? step.line.text : line;
}

describe('worldSources follows the active shell', () => {
  it('completes commands and paths inside docker exec -it c sh from the container, and the host’s again after exit', async () => {
    const seen: Record<string, unknown> = {};
    await atPrompts('docker', [
      'docker run -dit --name box busybox sh',
      async (s) => {
        seen.hostKu = await candidates(s, 'ku', 'docker');
        seen.hostIfcon = await candidates(s, 'ifcon', 'docker');
        seen.hostActive = s.activeShell === s.shell;
      },
      'docker exec -it box sh',
      async (s) => {
        seen.boxKu = await candidates(s, 'ku', 'docker');
        seen.boxIfcon = await candidates(s, 'ifcon', 'docker');
        seen.boxEt = await tab(s, 'cat /et', 'docker');
        seen.boxCwd = worldSources(s, 'docker').cwd();
        seen.boxActive = s.activeShell !== s.shell;
      },
      'exit',
      async (s) => {
        seen.afterKu = await candidates(s, 'ku', 'docker');
        seen.afterActive = s.activeShell === s.shell;
      },
      'exit',
    ]);
    expect(seen).toEqual({
      hostKu: ['kubectl'],
      hostIfcon: [],
      hostActive: true,
      boxKu: [],
      boxIfcon: ['ifconfig'],
      boxEt: 'cat /etc/',
      boxCwd: '/',
      boxActive: true,
      afterKu: ['kubectl'],
      afterActive: true,
    });
  });

  it('lists a file that exists only in the container, not the host’s home', async () => {
    const seen: Record<string, unknown> = {};
    await atPrompts('docker', [
      'touch /root/host-only.txt',
      'docker run -dit --name box alpine sh',
      'docker exec -it box sh',
      'mkdir -p /srv/data && touch /srv/data/inside.txt && cd /srv',
      async (s) => {
        seen.relative = await tab(s, 'cat data/', 'docker');
        seen.hostFile = await candidates(s, 'cat /root/h', 'docker');
      },
      'exit',
      async (s) => {
        seen.hostFile = [seen.hostFile, await candidates(s, 'cat /root/h', 'docker')];
      },
      'exit',
    ]);
    expect(seen).toEqual({ relative: 'cat data/inside.txt ', hostFile: [[], ['/root/host-only.txt']] });
  });

  it('inside unshare --pid --fork --mount-proc bash completes from the new shell: its functions, its cwd, its /proc', async () => {
    const seen: Record<string, unknown> = {};
    await atPrompts('linux', [
      'unshare --pid --fork --mount-proc bash',
      'petfn() { :; }; cd /etc',
      async (s) => {
        seen.fn = await candidates(s, 'petf', 'linux');
        seen.cwd = worldSources(s, 'linux').cwd();
        seen.proc = (await candidates(s, 'ls /proc/', 'linux')).filter((n) => /^\/proc\/\d+\/$/.test(n));
      },
      'exit',
      async (s) => {
        seen.fnAfter = await candidates(s, 'petf', 'linux');
        seen.cwdAfter = worldSources(s, 'linux').cwd();
      },
      'exit',
    ]);
    expect(seen).toEqual({ fn: ['petfn'], cwd: '/etc', proc: ['/proc/1/'], fnAfter: [], cwdAfter: '/root' });
  });

  it('inside kubectl exec -it web -- sh completes from the pod’s root (no kubectl or docker there; nginx’s html), not the host', async () => {
    const seen: Record<string, unknown> = {};
    await atPrompts('kubernetes', [
      'kubectl run web --image=nginx',
      async (s) => {
        s.world.settle();
      },
      'kubectl exec -it web -- sh',
      async (s) => {
        seen.ku = await candidates(s, 'ku', 'kubernetes');
        seen.dock = await candidates(s, 'dock', 'kubernetes');
        seen.html = await tab(s, 'cat /usr/share/nginx/ht', 'kubernetes');
      },
      'exit',
      async (s) => {
        seen.after = [await candidates(s, 'ku', 'kubernetes'), await candidates(s, 'dock', 'kubernetes')];
      },
      'exit',
    ]);
    expect(seen).toEqual({ ku: [], dock: [], html: 'cat /usr/share/nginx/html/', after: [['kubectl'], ['docker']] });
  });

  it('fills interfaces, variables and execute bits from the active shell', async () => {
    const seen: Record<string, unknown> = {};
    await atPrompts('linux', [
      'printf "#!/bin/sh\\n" > run.sh; chmod +x run.sh; touch notes.sh; mkdir tools; PETVAR=1',
      async (s) => {
        seen.hostLinks = worldSources(s, 'linux').interfaces?.();
        seen.vars = await candidates(s, 'echo $PETV', 'linux');
        seen.scripts = await candidates(s, './', 'linux');
      },
      'unshare --net bash',
      async (s) => {
        seen.newNetLinks = worldSources(s, 'linux').interfaces?.();
        seen.varsInside = await candidates(s, 'echo $PETV', 'linux');
      },
      'exit',
      'exit',
    ]);
    expect(seen).toEqual({
      hostLinks: ['lo', 'eth0'],
      vars: ['$PETVAR'],
      // a command word that is a path: executables and directories only (notes.sh has no execute bit)
      scripts: ['./run.sh', './tools/'],
      newNetLinks: ['lo'],
      // not exported: the child bash does not have it
      varsInside: [],
    });
  });
});
