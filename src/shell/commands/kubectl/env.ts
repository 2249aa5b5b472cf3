/**
 * What every kubectl verb works with: the command context, the cluster, the namespace in
 * effect, and helpers to write to the terminal.
 */
import type { ApiStore, ResourceInfo } from '../../../emulator/kube/api/index.ts';
import { resolveResource } from '../../../emulator/kube/api/index.ts';
import type { CommandContext } from '../../types.ts';
import type { ClusterModel } from './cluster-bridge.ts';
import { fail } from './errors.ts';
import type { Flags } from './util/flags.ts';

export interface KubectlEnv {
  readonly ctx: CommandContext;
  readonly cluster: ClusterModel;
  readonly store: ApiStore;
  /** `-n`, or the kubeconfig context's namespace (`default`). */
  readonly namespace: string;
  /** Whether `-n` was given explicitly (kubectl's `enforceNamespace`). */
  readonly explicitNamespace: boolean;
  readonly flags: Flags;
  /** Virtual now, ms since the epoch. */
  now(): number;
  out(text: string): void;
  err(text: string): void;
}

/** The resource for what the user typed, or kubectl's unknown-type error. */
export function resourceOrFail(name: string): ResourceInfo {
  const info = resolveResource(name);
  if (!info) throw fail(`the server doesn't have a resource type "${name}"`);
  return info;
}

/** `statefulset.apps`, `pod`: the singular group-qualified name kubectl prints in messages. */
export function singularName(info: ResourceInfo): string {
  return info.group ? `${info.singular}.${info.group}` : info.singular;
}

/** `statefulset.apps/web`. */
export function kindSlashName(info: ResourceInfo, name: string): string {
  return `${singularName(info)}/${name}`;
}

/** The namespace a namespaced object lives in (its own, the -n flag, or the default). */
export function namespaceFor(env: KubectlEnv, info: ResourceInfo, objNamespace?: string): string | undefined {
  if (!info.namespaced) return undefined;
  return objNamespace || env.namespace;
}
