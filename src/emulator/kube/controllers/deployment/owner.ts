/** Re-exports used by the deployment controller. */
import { clone, controllerRef } from '../../api/meta.ts';
import type { KubeObject } from '../../api/types.ts';

export { clone };

/** Whether `obj` is controlled by the object with `uid`. */
export function isControlledByUid(obj: KubeObject, uid: string | undefined): boolean {
  return controllerRef(obj)?.uid === uid;
}
