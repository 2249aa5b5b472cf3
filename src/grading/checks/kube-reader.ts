/**
 * What kube checks read: API objects by kind and namespace, as plain JSON-shaped data (the
 * objects the API server would return). `views.ts` builds one from a world's cluster; tests
 * build one from a list of objects.
 */
import type { KubeObject } from '../../emulator/kube/api/types.ts';

export interface KubeReader {
  /** Objects of `kind` ("Pod", "Service", "StatefulSet", "PersistentVolumeClaim"…), in one namespace or all. */
  list(kind: string, namespace?: string): readonly KubeObject[];
}

/** A reader over a fixed list of objects (tests, snapshots). */
export function readerOf(objects: readonly KubeObject[]): KubeReader {
  return {
    list: (kind, namespace) =>
      objects.filter((o) => o.kind === kind && (namespace === undefined || (o.metadata.namespace ?? 'default') === namespace)),
  };
}

/** The object of `kind` named `name` in `namespace`, if any. */
export function findObject<T extends KubeObject>(reader: KubeReader, kind: string, namespace: string, name: string): T | undefined {
  return reader.list(kind, namespace).find((o) => o.metadata.name === name) as T | undefined;
}
