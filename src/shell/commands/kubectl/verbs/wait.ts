/**
 * `kubectl wait --for=condition=Ready|delete|create|jsonpath='{…}'=value [--timeout=30s]`
 * (kubectl `pkg/cmd/wait`): prints `pod/web-0 condition met` per object.
 */
import type { KubeObject } from '../../../../emulator/kube/api/index.ts';
import { kindSlashName, type KubectlEnv } from '../env.ts';
import { fail, KubectlExit } from '../errors.ts';
import { JsonPath, textOf } from '../printers/jsonpath.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { parseResourceArgs } from '../util/resource-args.ts';
import { waitFor } from '../util/wait.ts';
import { parseDuration } from './get.ts';

export const WAIT_FLAGS: FlagSpecs = {
  for: { type: 'string' },
  timeout: { type: 'string', default: '30s' },
  selector: { type: 'string', short: 'l' },
  all: { type: 'bool' },
  'all-namespaces': { type: 'bool', short: 'A' },
  filename: { type: 'strings', short: 'f' },
  'field-selector': { type: 'string' },
  output: { type: 'string', short: 'o' },
};

type Condition = (obj: KubeObject | undefined) => boolean;

function parseFor(text: string): { cond: Condition; kind: 'delete' | 'create' | 'other' } {
  if (text === 'delete') return { cond: (o) => !o, kind: 'delete' };
  if (text === 'create') return { cond: (o) => Boolean(o), kind: 'create' };
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    const type = eq < 0 ? rest : rest.slice(0, eq);
    const want = eq < 0 ? 'true' : rest.slice(eq + 1).toLowerCase();
    return {
      cond: (o) => ((o?.status as Json)?.conditions ?? []).some((c: Json) => String(c.type).toLowerCase() === type.toLowerCase() && String(c.status).toLowerCase() === want),
      kind: 'other',
    };
  }
  if (text.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length);
    const close = rest.lastIndexOf('}');
    if (!rest.startsWith('{') || close < 0) throw fail(`unrecognized condition: "${text}"`);
    const path = new JsonPath(rest.slice(0, close + 1));
    const value = rest.slice(close + 1).startsWith('=') ? rest.slice(close + 2) : undefined;
    return {
      cond: (o) => {
        if (!o) return false;
        const values = path.values(o);
        if (value === undefined) return values.length > 0;
        return values.length > 0 && values.every((v) => textOf(v) === value);
      },
      kind: 'other',
    };
  }
  throw fail(`unrecognized condition: "${text}"`);
}

/** Runs `kubectl wait`. */
export async function wait(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const forText = f.str('for');
  if (!forText) throw fail('--for must be specified');
  const { cond, kind } = parseFor(forText);
  const ms = parseDuration(f.str('timeout') ?? '30s') ?? 30_000;
  if (f.args.length === 0) throw fail('resource(s) were provided, but no name was specified');
  const targets: { plural: string; info: ReturnType<typeof parseResourceArgs>[number]['info']; name: string; ns?: string; uid?: string }[] = [];
  for (const req of parseResourceArgs(f.args)) {
    const ns = req.info.namespaced ? env.namespace : undefined;
    if (req.names) {
      for (const name of req.names) {
        const obj = env.store.tryGet(req.info, ns, name);
        if (!obj && kind !== 'create' && kind !== 'delete') {
          throw new KubectlExit(`Error from server (NotFound): ${req.info.group ? `${req.info.plural}.${req.info.group}` : req.info.plural} "${name}" not found\n`);
        }
        targets.push({ plural: req.info.plural, info: req.info, name, ns, uid: obj?.metadata.uid });
      }
    } else {
      const items = env.store.list(req.info, { namespace: f.bool('all-namespaces') ? undefined : ns, labelSelector: f.str('selector'), fieldSelector: f.str('field-selector') }).items;
      if (items.length === 0) throw fail('no matching resources found');
      for (const o of items) targets.push({ plural: req.info.plural, info: req.info, name: o.metadata.name!, ns: o.metadata.namespace, uid: o.metadata.uid });
    }
  }
  let status = 0;
  for (const t of targets) {
    const current = (): KubeObject | undefined => {
      const o = env.store.tryGet(t.info, t.ns, t.name);
      return kind === 'delete' && o && t.uid && o.metadata.uid !== t.uid ? undefined : o;
    };
    const result = await waitFor(env, [t.plural], () => cond(current()), ms);
    if (result === 'interrupted') return 130;
    if (result === 'timeout') {
      env.err(`error: timed out waiting for the condition on ${t.plural}/${t.name}\n`);
      status = 1;
      continue;
    }
    env.out(`${kindSlashName(t.info, t.name)} condition met\n`);
  }
  return status;
}
