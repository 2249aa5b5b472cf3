/**
 * The kubeconfig the lab's kubectl reads: one kind-style context `kind-petlab`, whose namespace
 * `kubectl config set-context --current --namespace=x` can change for the rest of the session.
 * Kept per world so every shell over the same world sees the same current namespace.
 */
import type { World } from '../../../emulator/world.ts';

export const CONTEXT = 'kind-petlab';

interface KubeconfigState {
  namespace?: string;
}

const states = new WeakMap<World, KubeconfigState>();

/** The mutable kubeconfig state of `world`. */
export function kubeconfigOf(world: World): KubeconfigState {
  let s = states.get(world);
  if (!s) states.set(world, (s = {}));
  return s;
}

/** The namespace of the current context (`default` unless set). */
export function contextNamespace(world: World): string {
  return kubeconfigOf(world).namespace || 'default';
}
