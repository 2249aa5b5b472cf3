/**
 * `kubectl`: dispatches a verb with kubectl's flag handling and error reporting. Verbs live in
 * ./verbs, printers in ./printers, describers in ./describe. Never throws at the user: API errors
 * print as kubectl prints them, anything unexpected as `error: …`.
 */
import type { Command, CommandContext } from '../../types.ts';
import { clusterOf } from './cluster-bridge.ts';
import type { KubectlEnv } from './env.ts';
import { errorText, flagError, KubectlExit } from './errors.ts';
import { ALL_VERBS, KUBECTL_HELP, unknownCommand } from './help.ts';
import { contextNamespace } from './kubeconfig.ts';
import { installProgramRunner } from './program-runner.ts';
import { Flags, FlagError, GLOBAL_FLAGS, parseFlags } from './util/flags.ts';
import { VERBS } from './verbs/table.ts';

/** Verbs kubectl has that the lab does not emulate. */
const NOT_AVAILABLE = new Set(ALL_VERBS.filter((v) => !Object.hasOwn(VERBS, v)));

const NO_SERVER = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n';

/** Splits global flags before the verb from the verb and its arguments. */
function findVerb(args: readonly string[]): { verb?: string; rest: string[] } {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a !== '-') {
      rest.push(a);
      const name = a.startsWith('--') ? a.slice(2).split('=')[0] : a.slice(1, 2);
      const spec = a.startsWith('--') ? GLOBAL_FLAGS[name] : Object.values(GLOBAL_FLAGS).find((s) => s.short === name);
      const inlineValue = a.includes('=') || (!a.startsWith('--') && a.length > 2);
      if (spec && spec.type !== 'bool' && !inlineValue && i + 1 < args.length) rest.push(args[++i]);
      continue;
    }
    return { verb: a, rest: [...rest, ...args.slice(i + 1)] };
  }
  return { verb: undefined, rest };
}

/** Runs kubectl with `ctx.args`; returns the exit status. */
export async function runKubectl(ctx: CommandContext): Promise<number> {
  const { verb, rest } = findVerb(ctx.args);
  if (verb === undefined) {
    ctx.stdout.write(KUBECTL_HELP);
    return 0;
  }
  if (NOT_AVAILABLE.has(verb)) {
    ctx.stderr.write(`petlab: 'kubectl ${verb}' is not available in this lab\n`);
    return 1;
  }
  const entry = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  if (!entry) {
    ctx.stderr.write(unknownCommand(verb));
    return 1;
  }
  try {
    let flags: Flags;
    try {
      flags = new Flags(parseFlags(rest, entry.flags));
    } catch (e) {
      if (e instanceof FlagError) throw flagError(verb, e.message);
      throw e;
    }
    if (flags.bool('help')) {
      ctx.stderr.write(`petlab: 'kubectl ${verb} --help' is not available in this lab; see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_${verb}/\n`);
      return 1;
    }
    const cluster = clusterOf(ctx.world);
    if (!cluster && !entry.offline) {
      ctx.stderr.write(NO_SERVER);
      return 1;
    }
    // Work already due "now" (watch deliveries and the controller queues' drains reacting to the
    // last command) runs before kubectl reads, as informers in a real cluster react within
    // milliseconds: a StatefulSet just applied has been observed (status.observedGeneration) by
    // the time `kubectl rollout status` reads it. Virtual time stays put.
    if (cluster) installProgramRunner(ctx, cluster);
    ctx.world.advance(0);
    const env: KubectlEnv = {
      ctx,
      cluster: cluster!,
      store: cluster?.store as KubectlEnv['store'],
      namespace: flags.str('namespace') ?? contextNamespace(ctx.world),
      explicitNamespace: flags.has('namespace'),
      flags,
      now: () => ctx.world.now(),
      out: (t) => ctx.stdout.write(t),
      err: (t) => ctx.stderr.write(t),
    };
    const status = await entry.run(env);
    ctx.world.markChanged();
    return status;
  } catch (e) {
    ctx.stderr.write(errorText(e));
    return e instanceof KubectlExit ? e.status : 1;
  }
}

export const command: Command = {
  name: 'kubectl',
  summary: 'control the Kubernetes cluster (kubectl 1.34)',
  run: runKubectl,
};

export default command;
