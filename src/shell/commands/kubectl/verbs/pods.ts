/**
 * Verbs that reach into containers: `logs` (`-f`, `--previous`, `-l`, `--tail`, `-c`), `exec`
 * (`-it`, `-c`, `--`; a shell in the container's process), `run` (`--image`, `--restart`,
 * `--command --`, `-it --rm`), and `edit` (no terminal editor: points to the lab editor).
 */
import type { KubeObject } from '../../../../emulator/kube/api/index.ts';
import type { Process } from '../../../../emulator/linux/process.ts';
import { kindSlashName, type KubectlEnv } from '../env.ts';
import { errorText, fail, KubectlExit } from '../errors.ts';
import { formatLabels, formatSelector } from '../printers/columns.ts';
import { parseOutput, printObjects } from '../printers/output.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { parseResourceArgs } from '../util/resource-args.ts';
import { waitFor } from '../util/wait.ts';
import { parseDuration } from './get.ts';
import { execProgram } from '../../linux-common/exec-program.ts';
import { execStartFailure } from './exec-failure.ts';

const UNAVAILABLE = (what: string) => new KubectlExit(`petlab: 'kubectl ${what}' is not available in this lab\n`, 1);

/** The container to use: `-c`, the default-container annotation, or the first (with kubectl's notice). */
function pickContainer(env: KubectlEnv, pod: Json, requested: string | undefined): string {
  const containers = ((pod.spec?.containers ?? []) as Json[]).map((c) => c.name as string);
  if (requested) {
    const all = [...containers, ...((pod.spec?.initContainers ?? []) as Json[]).map((c) => c.name as string)];
    if (!all.includes(requested)) {
      throw new KubectlExit(`Error from server (BadRequest): container ${requested} is not valid for pod ${pod.metadata.name}\n`);
    }
    return requested;
  }
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.includes(annotated)) return annotated;
  if (containers.length > 1) env.err(`Defaulted container "${containers[0]}" out of: ${containers.join(', ')}\n`);
  return containers[0];
}

/** The pod a `logs`/`exec` argument names: `web-0`, `pod/web-0`, `sts/web` (its first pod). */
function podFor(env: KubectlEnv, arg: string): KubeObject {
  if (!arg.includes('/')) return env.store.get('pods', env.namespace, arg);
  const [req] = parseResourceArgs([arg]);
  const obj = env.store.get(req.info, req.info.namespaced ? env.namespace : undefined, req.names![0]);
  if (req.info.kind === 'Pod') return obj;
  // kubectl picks the workload's pods by its selector (polymorphichelpers.AttachablePodForObject).
  const spec = obj.spec as Json;
  const selector = req.info.kind === 'Service' ? formatLabels(spec?.selector) : formatSelector(spec?.selector);
  if (selector === '<none>') throw fail(`cannot attach to ${req.info.kind}: selector is empty`);
  const pods = env.store.list('pods', { namespace: env.namespace, labelSelector: selector }).items;
  if (pods.length === 0) throw fail(`timed out waiting for the condition`);
  if (pods.length > 1) env.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

function containerState(pod: Json, name: string): Json {
  const s = [...((pod.status?.containerStatuses ?? []) as Json[]), ...((pod.status?.initContainerStatuses ?? []) as Json[])].find((x) => x.name === name);
  return s;
}

export const LOGS_FLAGS: FlagSpecs = {
  container: { type: 'string', short: 'c' },
  follow: { type: 'bool', short: 'f' },
  previous: { type: 'bool', short: 'p' },
  selector: { type: 'string', short: 'l' },
  tail: { type: 'int', default: -1 },
  timestamps: { type: 'bool' },
  prefix: { type: 'bool' },
  'all-containers': { type: 'bool' },
  since: { type: 'string' },
  'max-log-requests': { type: 'int', default: 5 },
  'ignore-errors': { type: 'bool' },
  'pod-running-timeout': { type: 'string' },
};

function tailLines(text: string, n: number): string {
  if (n < 0) return text;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.slice(Math.max(0, lines.length - n)).map((l) => `${l}\n`).join('');
}

/** Runs `kubectl logs`. */
export async function logs(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const cluster = env.cluster;
  if (!cluster.logs) throw UNAVAILABLE('logs');
  const selector = f.str('selector');
  const pods: KubeObject[] = [];
  if (selector) pods.push(...env.store.list('pods', { namespace: env.namespace, labelSelector: selector }).items);
  else {
    if (f.args.length === 0) throw new KubectlExit("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    pods.push(podFor(env, f.args[0]));
  }
  if (selector && pods.length === 0) {
    env.err(`No resources found in ${env.namespace} namespace.\n`);
    return 0;
  }
  const prefix = f.bool('prefix');
  const follows: (() => void)[] = [];
  for (const pod of pods) {
    const p = pod as Json;
    const container = f.args[1] ?? pickContainer(env, p, f.str('container'));
    const tag = prefix ? `[pod/${p.metadata.name}/${container}] ` : '';
    const previous = f.bool('previous');
    const state = containerState(p, container);
    if (previous && !state?.lastState?.terminated) {
      throw new KubectlExit(`Error from server (BadRequest): previous terminated container "${container}" in pod "${p.metadata.name}" not found\n`);
    }
    // kubelet validateContainerLogStatus: a waiting container (CrashLoopBackOff) shows the logs
    // of its last terminated instance; only one that never ran reports "waiting to start".
    if (!previous && (!state || (state.state?.waiting && !state.lastState?.terminated))) {
      const reason = state?.state?.waiting?.reason ?? 'ContainerCreating';
      throw new KubectlExit(`Error from server (BadRequest): container "${container}" in pod "${p.metadata.name}" is waiting to start: ${reason}\n`);
    }
    const text = cluster.logs(p.metadata.namespace, p.metadata.name, container, previous) ?? '';
    const shown = tailLines(text, f.int('tail') ?? -1);
    env.out(tag ? shown.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '').map((l) => `${tag}${l}\n`).join('') : shown);
    if (f.bool('follow') && cluster.followLogs && !previous) {
      follows.push(cluster.followLogs(p.metadata.namespace, p.metadata.name, container, (chunk) => env.out(tag ? chunk.replace(/^(?=.)/gm, tag) : chunk)));
    }
  }
  if (follows.length > 0) {
    const names = pods.map((p) => p.metadata.name!);
    const ns = env.namespace;
    const result = await waitFor(env, ['pods'], () => names.every((n) => {
      const p = env.store.tryGet('pods', ns, n) as Json | undefined;
      return !p || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    }));
    for (const stop of follows) stop();
    return result === 'interrupted' ? 130 : 0;
  }
  return 0;
}

export const EXEC_FLAGS: FlagSpecs = {
  container: { type: 'string', short: 'c' },
  stdin: { type: 'bool', short: 'i' },
  tty: { type: 'bool', short: 't' },
  quiet: { type: 'bool', short: 'q' },
  filename: { type: 'strings', short: 'f' },
  'pod-running-timeout': { type: 'string' },
};

/** Quotes argv for a `sh -c` command line. */
export function shellQuote(argv: readonly string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Runs `kubectl exec`. */
export async function exec(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const cluster = env.cluster;
  const command = f.afterDash;
  if (f.args.length === 0) throw new KubectlExit("error: pod, type/name or --filename must be specified\n");
  if (!command || command.length === 0) {
    if (f.args.length > 1) {
      throw new KubectlExit("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    }
    throw new KubectlExit("error: you must specify at least one command for the container\n");
  }
  const pod = podFor(env, f.args[0]) as Json;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = pickContainer(env, pod, f.str('container'));
  if (!cluster.containerProcess) throw UNAVAILABLE('exec');
  const state = containerState(pod, container);
  const process = state?.state?.running ? cluster.containerProcess(pod.metadata.namespace, pod.metadata.name, container) : undefined;
  if (!process) throw fail(`unable to upgrade connection: container not found ("${container}")`);
  if (f.bool('tty') && !f.bool('stdin')) env.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  const interactiveShell = f.bool('stdin') && f.bool('tty') && command.length === 1 && /(^|\/)(ba|a|da)?sh$/.test(command[0]);
  // A process of its own in the container (CRI Exec), removed when it ends; the main process
  // only where the cluster has no such hook.
  const ns = pod.metadata.namespace;
  const execProc = cluster.execProcess?.(ns, pod.metadata.name, container, command, f.bool('tty') && f.bool('stdin')) as Process | undefined;
  const target = execProc ?? (process as Process);
  // runc cannot start a program the container does not have: the CRI call fails, no process ran
  const refused = execProc ? execStartFailure(execProc, command[0], env.ctx.world.rng) : undefined;
  if (refused) {
    cluster.execEnded?.(execProc as Process, 1);
    throw refused;
  }
  let status = 1;
  try {
    const stdin = f.bool('stdin') ? env.ctx.stdin : undefined;
    const direct = execProc && !interactiveShell ? await execProgram(env.ctx, execProc, command, stdin) : undefined;
    status =
      direct ??
      (await env.ctx.spawnShell(interactiveShell && env.ctx.terminal ? { in: target, argv: command } : { in: target, argv: command, script: shellQuote(command), stdin }));
  } finally {
    if (execProc) cluster.execEnded?.(execProc, status);
  }
  if (status !== 0 && status !== 130) env.err(`command terminated with exit code ${status}\n`);
  return status;
}

export const RUN_FLAGS: FlagSpecs = {
  image: { type: 'string' },
  restart: { type: 'string', default: 'Always' },
  command: { type: 'bool' },
  stdin: { type: 'bool', short: 'i' },
  tty: { type: 'bool', short: 't' },
  rm: { type: 'bool' },
  labels: { type: 'string', short: 'l' },
  env: { type: 'strings' },
  port: { type: 'string' },
  expose: { type: 'bool' },
  'dry-run': { type: 'string' },
  output: { type: 'string', short: 'o' },
  'image-pull-policy': { type: 'string' },
  annotations: { type: 'strings' },
  attach: { type: 'bool' },
  quiet: { type: 'bool', short: 'q' },
  'pod-running-timeout': { type: 'string', default: '1m0s' },
  overrides: { type: 'string' },
};

/** The Pod `kubectl run` generates. */
export function runPod(env: KubectlEnv, name: string): Json {
  const f = env.flags;
  const image = f.str('image')!;
  const labels: Record<string, string> = {};
  for (const kv of (f.str('labels') ?? `run=${name}`).split(',')) {
    const [k, v] = kv.split('=');
    labels[k] = v ?? '';
  }
  const args = f.afterDash ?? f.args.slice(1);
  const container: Json = { image, name, resources: {} };
  if (args.length) container[f.bool('command') ? 'command' : 'args'] = args;
  const envVars = f.list('env').map((e) => ({ name: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) }));
  if (envVars.length) container.env = envVars;
  if (f.str('port')) container.ports = [{ containerPort: Number(f.str('port')) }];
  if (f.str('image-pull-policy')) container.imagePullPolicy = f.str('image-pull-policy');
  if (f.bool('stdin')) {
    container.stdin = true;
    container.stdinOnce = true;
    if (f.bool('tty')) container.tty = true;
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: f.str('restart') ?? 'Always' },
    status: {},
  };
}

/** Runs `kubectl run`. */
export async function run(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const name = f.args[0];
  if (!name) throw new KubectlExit("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
  if (!f.str('image')) throw fail('required flag(s) "image" not set');
  const restart = f.str('restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw fail(`invalid restart policy: ${restart}`);
  if (f.bool('rm') && !f.bool('stdin') && !f.bool('attach')) throw fail('--rm should only be used for attached containers');
  const pod = runPod(env, name);
  const dryRun = f.str('dry-run');
  if (dryRun === 'client' || dryRun === '') {
    if (f.str('output')) {
      const format = parseOutput(f.str('output'));
      if (format.type !== 'table') env.out(printObjects(format, [pod], true));
    } else env.out(`pod/${name} created (dry run)\n`);
    return 0;
  }
  const created = env.store.create(pod as KubeObject, { namespace: env.namespace, strict: true });
  if (!f.bool('stdin') && !f.bool('attach')) {
    env.out(`${kindSlashName(env.store.resource('pods'), name)} created\n`);
    return 0;
  }
  const ns = created.metadata.namespace!;
  const timeout = parseDuration(f.str('pod-running-timeout') ?? '1m0s') ?? 60_000;
  const phase = () => (env.store.tryGet('pods', ns, name)?.status as Json)?.phase;
  const started = await waitFor(env, ['pods'], () => ['Running', 'Succeeded', 'Failed'].includes(phase()), timeout);
  if (started !== 'done') {
    if (started === 'timeout') env.err('error: timed out waiting for the condition\n');
    return started === 'interrupted' ? 130 : 1;
  }
  let status = 0;
  // kubectl's run.go removes the pod (--rm) in a defer, so its deletion line comes before the error.
  let failure = '';
  const container = name;
  const command = f.afterDash ?? f.args.slice(1);
  const process = phase() === 'Running' ? env.cluster.containerProcess?.(ns, name, container) : undefined;
  const shellCommand = command.length === 0 || (command.length === 1 && /(^|\/)(ba|a|da)?sh$/.test(command[0]));
  if (f.bool('tty') && env.ctx.terminal && process && shellCommand) {
    env.err('All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n');
    env.err("If you don't see a command prompt, try pressing enter.\n");
    status = await env.ctx.spawnShell({ in: process as Process, argv: command.length ? command : ['sh'] });
    env.out(`Session ended, resume using 'kubectl attach ${name} -c ${container} -n ${ns} -i -t' command\n`);
  } else if (process && shellCommand) {
    // A shell attached to stdin (`-i -- sh` without a terminal): it reads the commands piped in.
    // The kubelet leaves such a container running for the attach, so the shell runs here.
    status = await env.ctx.spawnShell({ in: process as Process, argv: command, script: shellQuote(command), stdin: env.ctx.stdin });
    if (status !== 0 && status !== 130) failure = `pod ${ns}/${name} terminated (Error)\n`;
  } else if (process && command.length > 0) {
    // The container runs its command itself (the kubelet): attached, we see its output as it
    // comes, until it exits — running it here as well would run it twice.
    status = await attachOutput(env, ns, name, container);
    // run.go waits for the exit code only with restartPolicy Never or OnFailure.
    if (status !== 130 && restart === 'Always') status = 0;
    if (status !== 130 && phase() === 'Failed') failure = `pod ${ns}/${name} terminated (Error)\n`;
  } else {
    // Attached without a command: the container's own output, once it has run.
    await waitFor(env, ['pods'], () => ['Succeeded', 'Failed'].includes(phase()));
    if (env.cluster.logs) env.out(env.cluster.logs(ns, name, container, false) ?? '');
  }
  if (f.bool('rm')) {
    try {
      env.store.delete('pods', ns, name, { gracePeriodSeconds: 0 });
      env.out(`pod "${name}" deleted from ${ns} namespace\n`);
    } catch (e) {
      env.err(errorText(e));
    }
  }
  if (failure) env.err(failure);
  return status;
}

/**
 * Streams a container's log from the start until the container has exited (or Ctrl-C: 130).
 * Returns the container's exit code.
 */
async function attachOutput(env: KubectlEnv, ns: string, pod: string, container: string): Promise<number> {
  const cluster = env.cluster;
  const exited = (): number | undefined => {
    const p = env.store.tryGet('pods', ns, pod) as Json | undefined;
    if (!p) return 0;
    const cs = ((p.status?.containerStatuses ?? []) as Json[]).find((c) => c.name === container);
    const term = cs?.state?.terminated ?? (cs && cs.restartCount > 0 ? cs.lastState?.terminated : undefined);
    if (term) return Number(term.exitCode ?? 0);
    return p.status?.phase === 'Succeeded' ? 0 : p.status?.phase === 'Failed' ? 1 : undefined;
  };
  env.out(cluster.logs?.(ns, pod, container, false) ?? '');
  const stop = cluster.followLogs?.(ns, pod, container, (chunk) => env.out(chunk));
  const result = await waitFor(env, ['pods'], () => exited() !== undefined);
  stop?.();
  return result === 'interrupted' ? 130 : (exited() ?? 0);
}

/** Runs `kubectl edit`: the terminal has no editor, so point to the lab's. */
export async function edit(env: KubectlEnv): Promise<number> {
  const target = env.flags.args.join(' ');
  env.err(
    `petlab: 'kubectl edit' needs a terminal editor, and this lab terminal has none.\n` +
      `Open the manifest in the lab editor, change it there and run 'kubectl apply -f <file>',\n` +
      `or change ${target || 'the object'} with 'kubectl patch' or 'kubectl scale'.\n`,
  );
  return 1;
}
