/**
 * After the lab is ready, at idle: loads the code of the commands the lab needs — its
 * environment's own command and every command its reference solution runs — and the solution
 * itself, so the lab keeps working when the network goes away after the page has loaded.
 * Nothing here runs a command: modules are only loaded (cached by the browser and the registry).
 */
import type { Disposer } from '../dom/h.ts';
import { commandNames, loadCommand } from '../../shell/commands/registry.ts';
import type { PageLab } from './lab-loader.ts';

/** The command an environment is driven with. */
const ENVIRONMENT_COMMANDS: Readonly<Record<string, readonly string[]>> = { docker: ['docker'], kubernetes: ['kubectl'] };

/**
 * Registered command names that `script` may run: every word of it (comments left out) that
 * names a command, in order of first appearance — command positions, but also what runs inside
 * a container (`kubectl exec web-0 -- cat f`, `docker exec a1 ping a2`) or inside `sh -c '…'`.
 * A cheap reading, not a parse: it only decides what to load ahead, and loading a command that
 * turns out unused costs a small chunk.
 */
export function commandsOf(script: string, known: ReadonlySet<string> = new Set(commandNames())): string[] {
  const found = new Set<string>();
  for (const line of script.split('\n')) {
    const code = line.replace(/(^|\s)#.*$/, '');
    for (const m of code.matchAll(/(?<![\w./=-])[A-Za-z_][\w.-]*(?![\w./=-])/g)) if (known.has(m[0])) found.add(m[0]);
  }
  return [...found];
}

/** Schedules the prefetch at the browser's next idle moment; the disposer cancels it. */
export function prefetchLabCommands(bundle: PageLab, disposer: Disposer): void {
  let cancelled = false;
  disposer.add(() => (cancelled = true));
  const run = async () => {
    if (cancelled) return;
    const solution = await bundle.solution().catch(() => '');
    const names = new Set([...(ENVIRONMENT_COMMANDS[bundle.lab.environment] ?? []), ...commandsOf(solution)]);
    await Promise.allSettled([...names].map((name) => (cancelled ? undefined : loadCommand(name))));
    // Tests and test/e2e/perf/measure-labs.ts read the lab's whole JavaScript from here on.
    if (!cancelled) performance.mark('petlab:prefetched');
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => void run(), { timeout: 2000 });
    disposer.add(() => cancelIdleCallback(id));
  } else {
    const id = setTimeout(() => void run(), 200);
    disposer.add(() => clearTimeout(id));
  }
}
