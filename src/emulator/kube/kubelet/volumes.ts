/**
 * What a container mounts: a PersistentVolume's data tree for a claim, a tmpfs per pod volume
 * otherwise — filled with the keys of a ConfigMap or Secret, or the service-account token files.
 */
import type { ApiStore } from '../api/store.ts';
import type { Container, PersistentVolumeClaim, Pod } from '../api/types.ts';
import { MemDir } from '../../linux/fs/nodes.ts';
import { put } from '../../linux/fs/seed.ts';
import type { VolumeData } from '../storage/volume-data.ts';
import type { MountSpec } from './runtime.ts';

/** The mounts of container `c` of `pod`; per-pod volumes are kept in `emptyDirs` by `<pod uid>/<volume>`. */
export function volumeMounts(store: ApiStore, volumes: VolumeData, emptyDirs: Map<string, MemDir>, pod: Pod, c: Container): MountSpec[] {
  const out: MountSpec[] = [];
  for (const m of c.volumeMounts ?? []) {
    const v = (pod.spec.volumes ?? []).find((x) => x.name === m.name);
    if (!v) continue;
    if (v.persistentVolumeClaim) {
      const pvc = store.tryGet('persistentvolumeclaims', pod.metadata.namespace, v.persistentVolumeClaim.claimName) as PersistentVolumeClaim | undefined;
      const pvName = pvc?.spec.volumeName;
      if (!pvName) continue;
      out.push({ mountPath: m.mountPath, root: volumes.get(pvName).root, readOnly: !!m.readOnly, fstype: 'ext4', source: '/dev/vda1' });
    } else {
      const k = `${pod.metadata.uid}/${v.name}`;
      let dir = emptyDirs.get(k);
      if (!dir) {
        const now = store.world.now();
        emptyDirs.set(k, (dir = new MemDir(now)));
        const ns = pod.metadata.namespace;
        if (v.configMap) {
          const cm = store.tryGet('configmaps', ns, v.configMap.name);
          for (const [key, value] of Object.entries((cm?.data as Record<string, string> | undefined) ?? {})) put(dir, `/${key}`, value, now);
        } else if (v.secret) {
          const sec = store.tryGet('secrets', ns, v.secret.secretName);
          for (const [key, value] of Object.entries((sec?.data as Record<string, string> | undefined) ?? {})) put(dir, `/${key}`, fromBase64(value), now);
        } else if (v.projected) {
          put(dir, '/namespace', String(pod.metadata.namespace), now);
          put(dir, '/ca.crt', '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIPetlab\n-----END CERTIFICATE-----\n', now);
          put(dir, '/token', `eyJhbGciOiJSUzI1NiIsImtpZCI6IjR${store.world.rng.string(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`, now);
        }
      }
      out.push({ mountPath: m.mountPath, root: dir, readOnly: !!m.readOnly, fstype: 'tmpfs', source: 'tmpfs' });
    }
  }
  return out;
}

/** Decodes base64 (Secret data) to text. */
export function fromBase64(b64: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of b64.replace(/[^A-Za-z0-9+/]/g, '')) {
    buf = (buf << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buf >> bits) & 0xff);
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) out += String.fromCharCode(b);
    else if (b >= 0xc0 && b < 0xe0) out += String.fromCharCode(((b & 0x1f) << 6) | (bytes[++i] & 0x3f));
    else if (b >= 0xe0 && b < 0xf0) out += String.fromCharCode(((b & 0x0f) << 12) | ((bytes[++i] & 0x3f) << 6) | (bytes[++i] & 0x3f));
    else out += String.fromCodePoint(((b & 0x07) << 18) | ((bytes[++i] & 0x3f) << 12) | ((bytes[++i] & 0x3f) << 6) | (bytes[++i] & 0x3f));
  }
  return out;
}
