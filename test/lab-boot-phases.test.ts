// The page boots a lab in two phases with its prompt in between (src/ui/workspace/mount.ts:
// `bootLearner`, the first prompt, then `finishLabWorld` in workspace.ts); the grader
// (`prepareWorld`, `petlab grade`) runs the same two phases back-to-back. For every lab in labs/,
// both must give the same world: the same processes, PIDs, addresses, pods and containers, the
// same virtual time, event log and random-number state — and a line typed at the page's first
// prompt, before phase 2 is over, must print what it prints in the grader's world.
import { describe, expect, it } from 'vitest';
import { labBundles } from '../labs/index.ts';
import { bootLearner } from '../src/emulator/boot.ts';
import type { World } from '../src/emulator/world.ts';
import { finishLabWorld, prepareWorld } from '../src/grading/prepare.ts';
import { primaryPrompt } from '../src/shell/interp/repl.ts';
import { ShellSession } from '../src/shell/session.ts';
import type { Output, Terminal } from '../src/shell/types.ts';
import { EarlyPromptTerminal } from '../src/ui/workspace/early-prompt.ts';
import { firstPrompt } from '../src/ui/workspace/first-prompt.ts';

/** What every lab's world is compared by, and what each environment adds. */
const COMMON = ['ps -ef', 'ip a', 'ip route', 'ls -la /root', 'cat /etc/hosts', 'date'];
const BY_ENVIRONMENT: Record<string, string[]> = {
  linux: ['lsns'],
  kubernetes: ['kubectl get pods -o wide', 'kubectl get nodes -o wide', 'kubectl get all -A', 'kubectl get events -A'],
  docker: ['docker ps -a', 'docker network inspect bridge', 'docker exec alpine1 ip a', 'docker exec alpine2 ps'],
};

/** Virtual time, the event log, the processes of every host and the next random numbers. */
function fingerprint(world: World): string {
  const hosts = [...world.linux.hosts.values()].map((host) => ({
    id: host.id,
    processes: [...host.processes.values()].map((p) => `${p.pid} ${p.argv.join(' ')}`),
  }));
  const rng = [world.rng.nextUint32(), world.rng.nextUint32(), world.rng.nextUint32()];
  return JSON.stringify({ now: world.now(), events: world.events.list(), hosts, rng }, null, 1);
}

/** A terminal that feeds `lines` to the REPL and records prompts and lines as `runScript` does. */
function scriptedTerminal(lines: string[], out: Output): Terminal {
  let next = 0;
  return {
    columns: 80,
    rows: 24,
    readLine: async (prompt) => {
      if (next >= lines.length) return null;
      const line = lines[next++];
      out.write(`${prompt === '> ' ? '> ' : '$ '}${line}\n`);
      return line;
    },
    clear: () => {},
  };
}

describe('the page’s two-phase boot and the grader’s one-go boot give the same world', () => {
  it.each(labBundles.map((b) => [b.lab.id, b] as const))('%s', async (_id, bundle) => {
    const { lab } = bundle;
    const commands = [...COMMON, ...(BY_ENVIRONMENT[lab.environment] ?? [])];

    // The grader: prepareWorld, then the commands as a script.
    const graded = await prepareWorld(bundle, lab.seed);
    const gradedRun = await new ShellSession({ world: graded }).runScript(`${commands.join('\n')}\n`);

    // The page: phase 1 and its prompt; the first command is typed there, before phase 2 ends.
    const booted = bootLearner({ seed: lab.seed });
    const prompt = firstPrompt(booted.learner.shell);
    let pageText = `$ ${commands[0]}\n`;
    const out: Output = { write: (text) => void (pageText += text) };
    const typedEarly = Promise.resolve(commands[0]);
    const page = await finishLabWorld(booted, bundle);
    const session = new ShellSession({ world: page, terminal: new EarlyPromptTerminal(scriptedTerminal(commands.slice(1), out), typedEarly), stdout: out });
    // The shell's own first prompt is the one phase 1 showed.
    expect(primaryPrompt(session.activeShell)).toBe(prompt);
    await session.runInteractive();

    expect(pageText.replace(/exit\n$/, '')).toBe(gradedRun.transcript);
    expect(gradedRun.transcript).not.toMatch(/command not found|not available|error: /);
    expect(fingerprint(page)).toBe(fingerprint(graded));
  }, 120_000);

  it('a world that is not the lab’s is told apart (the comparison can fail)', async () => {
    const bundle = labBundles.find((b) => b.lab.environment === 'kubernetes') ?? labBundles[0];
    const one = await prepareWorld(bundle, bundle.lab.seed);
    const other = await finishLabWorld(bootLearner({ seed: bundle.lab.seed + 1 }), bundle);
    expect(fingerprint(other)).not.toBe(fingerprint(one));
  }, 120_000);
});
