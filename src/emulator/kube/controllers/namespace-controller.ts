/**
 * The namespace controller and the service-account/root-CA publishers: every namespace gets a
 * `default` ServiceAccount and the `kube-root-ca.crt` ConfigMap; a terminating namespace has its
 * content deleted and is removed once empty.
 */
import type { ApiStore } from '../api/store.ts';
import { isTerminating } from '../api/meta.ts';
import { RESOURCES } from '../api/resources.ts';
import { WorkQueue } from './queue.ts';

const FAKE_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIPetlabPetlabMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV\nBAMTCmt1YmVybmV0ZXMwHhcNMjYxMTI5MDk1NTAwWhcNMzYxMTI3MTAwMDAwWjAV\n-----END CERTIFICATE-----\n';

export class NamespaceController {
  readonly queue: WorkQueue;
  private readonly store: ApiStore;

  constructor(store: ApiStore) {
    this.store = store;
    this.queue = new WorkQueue(store.world, 'namespace', (name) => this.sync(name));
    store.watch('namespaces', {}, (e) => this.queue.add(String(e.object.metadata.name)));
    // A terminating namespace re-checks whenever something in it goes away.
    store.onCommit((info, e) => {
      if (e.type !== 'DELETED' || !info.namespaced) return;
      const ns = store.tryGet('namespaces', undefined, String(e.object.metadata.namespace));
      if (ns && isTerminating(ns)) this.queue.add(String(ns.metadata.name));
    });
    store.watch('serviceaccounts', {}, (e) => {
      if (e.type === 'DELETED') this.queue.add(String(e.object.metadata.namespace));
    });
    store.watch('configmaps', {}, (e) => {
      if (e.type === 'DELETED') this.queue.add(String(e.object.metadata.namespace));
    });
  }

  private sync(name: string): void {
    const ns = this.store.tryGet('namespaces', undefined, name);
    if (!ns) return;
    if (!isTerminating(ns)) {
      if (!this.store.tryGet('serviceaccounts', name, 'default')) {
        this.store.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
      }
      if (!this.store.tryGet('configmaps', name, 'kube-root-ca.crt')) {
        this.store.create({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kube-root-ca.crt', namespace: name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
          data: { 'ca.crt': FAKE_CA },
        });
      }
      return;
    }
    let remaining = 0;
    for (const r of RESOURCES) {
      if (!r.namespaced) continue;
      for (const o of this.store.list(r, { namespace: name }).items) {
        remaining++;
        if (!isTerminating(o)) {
          try {
            this.store.delete(r, name, String(o.metadata.name));
          } catch {
            /* gone */
          }
        }
      }
    }
    if (remaining === 0) this.store.finalize('namespaces', undefined, name);
  }
}
