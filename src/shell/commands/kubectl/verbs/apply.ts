/**
 * `kubectl apply -f`: client-side apply with the last-applied-configuration annotation and a
 * three-way patch (kubectl `pkg/cmd/apply`): `created`, `configured` or `unchanged` per object.
 */
import { isReason, type KubeObject } from '../../../../emulator/kube/api/index.ts';
import { kindSlashName, type KubectlEnv } from '../env.ts';
import { errorText, fail, withSource } from '../errors.ts';
import { goJson } from '../printers/jsonpath.ts';
import type { FlagSpecs } from '../util/flags.ts';
import { clone, isObject, type Json } from '../util/json.ts';
import { readManifests } from './manifests.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export const APPLY_FLAGS: FlagSpecs = {
  filename: { type: 'strings', short: 'f' },
  recursive: { type: 'bool', short: 'R' },
  'dry-run': { type: 'string' },
  output: { type: 'string', short: 'o' },
  'server-side': { type: 'bool' },
  'force-conflicts': { type: 'bool' },
  'field-manager': { type: 'string' },
  validate: { type: 'string' },
  prune: { type: 'bool' },
  selector: { type: 'string', short: 'l' },
  overwrite: { type: 'bool', default: true },
  force: { type: 'bool' },
  wait: { type: 'bool' },
  'grace-period': { type: 'int' },
  timeout: { type: 'string' },
  'show-managed-fields': { type: 'bool' },
  'save-config': { type: 'bool' },
};

/** The annotation value: the object as given, without the annotation itself, as compact JSON. */
export function lastAppliedOf(obj: Json): string {
  const copy = clone(obj);
  const ann = copy.metadata?.annotations;
  if (ann) {
    delete ann[LAST_APPLIED];
    if (Object.keys(ann).length === 0) delete copy.metadata.annotations;
  }
  return `${goJson(copy)}\n`;
}

/** Whether `want` is already satisfied by `have` (extra defaulted fields in `have` are fine). */
function covered(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => covered(w, have[i]));
  }
  if (isObject(want)) {
    return isObject(have) && Object.keys(want).every((k) => covered(want[k], have[k]));
  }
  return want === have || (want === null && have === undefined);
}

/**
 * The three-way patch of CreateThreeWayMergePatch: what `modified` sets that `current` lacks or
 * differs in, plus null for fields that were in `original` and are gone from `modified`.
 */
export function threeWayPatch(original: Json, modified: Json, current: Json): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(modified ?? {})) {
    const m = modified[k];
    const c = current?.[k];
    if (covered(m, c)) continue;
    if (isObject(m) && isObject(c)) {
      const sub = threeWayPatch(isObject(original?.[k]) ? original[k] : {}, m, c);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else patch[k] = m;
  }
  for (const k of Object.keys(original ?? {})) {
    if (modified && Object.hasOwn(modified, k)) {
      if (isObject(original[k]) && isObject(modified[k]) && !Object.hasOwn(patch, k)) {
        const sub = threeWayPatch(original[k], modified[k], modified[k]);
        const deletions = Object.fromEntries(Object.entries(sub).filter(([, v]) => v === null));
        if (Object.keys(deletions).length > 0) patch[k] = deletions;
      }
      continue;
    }
    if (current && Object.hasOwn(current, k)) patch[k] = null;
  }
  return patch;
}

function dryRunSuffix(mode: string | undefined): string {
  if (mode === 'server') return ' (server dry run)';
  if (mode === 'client' || mode === 'true' || mode === '') return ' (dry run)';
  return '';
}

/** Runs `kubectl apply`. */
export async function apply(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const files = f.list('filename');
  if (files.length === 0) throw fail('must specify one of -f and -k');
  const dryRun = f.str('dry-run');
  if (dryRun !== undefined && !['client', 'server', 'none', ''].includes(dryRun)) {
    throw fail(`Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  }
  const manifests = await readManifests(env, files, f.bool('recursive'));
  let status = 0;
  for (const m of manifests) {
    const info = m.info;
    const objNs = m.obj.metadata?.namespace;
    if (info.namespaced && objNs && env.explicitNamespace && objNs !== env.namespace) {
      throw fail(
        `the namespace from the provided object "${objNs}" does not match the namespace "${env.namespace}". You must pass '--namespace=${objNs}' to perform this operation.`,
      );
    }
    const ns = info.namespaced ? objNs || env.namespace : undefined;
    const name = m.obj.metadata?.name ?? '';
    const config = lastAppliedOf(m.obj);
    const desired = clone(m.obj) as Json;
    desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), [LAST_APPLIED]: config };
    const suffix = dryRunSuffix(dryRun);
    try {
      const live = name ? env.store.tryGet(info, ns, name) : undefined;
      if (!live) {
        if (dryRun !== 'client') env.store.create(desired as KubeObject, { namespace: ns, strict: true, dryRun: dryRun === 'server' });
        env.out(`${kindSlashName(info, name)} created${suffix}\n`);
        continue;
      }
      const previous = live.metadata.annotations?.[LAST_APPLIED];
      if (previous === undefined) {
        env.err(
          `Warning: resource ${info.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
        );
      }
      let original: Json = {};
      try {
        original = previous ? JSON.parse(previous) : {};
      } catch {
        original = {};
      }
      const { metadata: _m, ...liveRest } = live as Json;
      const patch = threeWayPatch(original, desired, { ...liveRest, metadata: live.metadata });
      if (Object.keys(patch).length === 0) {
        env.out(`${kindSlashName(info, name)} unchanged${suffix}\n`);
        continue;
      }
      if (dryRun !== 'client') env.store.patch(info, ns, name, 'strategic', patch, { strict: true, dryRun: dryRun === 'server' });
      env.out(`${kindSlashName(info, name)} configured${suffix}\n`);
    } catch (e) {
      const verb = isReason(e, 'AlreadyExists') || !env.store.tryGet(info, ns, name) ? 'creating' : 'patching';
      env.err(errorText(withSource(verb, m.source, e)));
      status = 1;
    }
  }
  return status;
}
