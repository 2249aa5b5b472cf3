/**
 * Checks about data on StatefulSet volumes: a file written on a pod's claim before the pod was
 * recreated is still there afterwards (stable storage). Reads the claim (`spec.volumeName`), the
 * volume's files and the pod's creations from the event log; changes nothing.
 */
import type { WorldEvent } from '../../emulator/events.ts';
import type { PersistentVolumeClaim, Pod } from '../../emulator/kube/api/types.ts';
import type { CheckResult } from '../lab-schema.ts';
import { isPodReady, ordinalNames } from './kube.ts';
import { podHistory } from './kube-history.ts';
import { findObject, type KubeReader } from './kube-reader.ts';
import { fail, pass } from './result.ts';

/** A file as stored on a volume: its text and when it was last written (virtual ms). */
export interface VolumeFile {
  content: string;
  mtime: number;
}

/** Reads `path` (relative to the volume's root) on PersistentVolume `volume`, if it exists. */
export type VolumeReader = (volume: string, path: string) => VolumeFile | undefined;

export interface DataWanted {
  namespace?: string;
  set: string;
  replicas: number;
  /** The volumeClaimTemplate's name, e.g. "www". */
  claim: string;
  /** The file relative to the volume root (= relative to the container's mountPath), e.g. "index.html". */
  path: string;
}

/**
 * Some pod `<set>-N` was recreated (created twice), is Ready, and the file `path` on its claim
 * `<claim>-<set>-N` was written before that recreation.
 */
export function dataSurvivedRecreation(events: readonly WorldEvent[], reader: KubeReader, volumes: VolumeReader, want: DataWanted): CheckResult {
  const ns = want.namespace ?? 'default';
  const history = podHistory(events, ns);
  let best: string | undefined;
  for (const name of ordinalNames(want.set, want.replicas)) {
    const creations = history.filter((h) => h.pod === name && h.step === 'created');
    const claimName = `${want.claim}-${name}`;
    const claim = findObject<PersistentVolumeClaim>(reader, 'PersistentVolumeClaim', ns, claimName);
    const file = claim?.spec.volumeName ? volumes(claim.spec.volumeName, want.path) : undefined;
    if (creations.length < 2) {
      if (file) best ??= `${want.path} is on ${claimName}; now delete ${name} and let it come back`;
      continue;
    }
    const pod = findObject<Pod>(reader, 'Pod', ns, name);
    if (!pod || !isPodReady(pod) || pod.metadata.deletionTimestamp) {
      best = `${name} is not back and Ready yet`;
      continue;
    }
    const recreatedAt = creations[creations.length - 1].at;
    if (!file) {
      best = `${claimName} has no ${want.path}: write it in ${name} before deleting the pod`;
      continue;
    }
    if (file.mtime >= recreatedAt) {
      best = `${want.path} on ${claimName} was written after ${name} came back; write it first, then delete the pod`;
      continue;
    }
    return pass(`${want.path} on ${claimName} was written before ${name} was recreated and is still there (${JSON.stringify(file.content.trim().slice(0, 40))})`);
  }
  return fail(best ?? `no file ${want.path} on any ${want.claim}-${want.set}-N claim: write one in a pod, then delete the pod`);
}
