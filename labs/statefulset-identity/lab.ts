/**
 * Lab: stable identity. A headless Service and a StatefulSet `web` of three nginx pods that
 * start in order, each with a stable name, DNS record and claim; delete one and it comes back
 * as itself.
 */
import { defineLab } from '../../src/grading/define-lab.ts';
import { fail } from '../../src/grading/checks/result.ts';
import { claimsBound, serviceIsHeadless, stableNetworkIdentity, statefulSetReady } from '../../src/grading/checks/kube.ts';
import { orderedCreation, recreatedWithSameName } from '../../src/grading/checks/kube-history.ts';
import { dataSurvivedRecreation } from '../../src/grading/checks/kube-storage.ts';
import { kubeOf, volumesOf } from '../../src/grading/checks/views.ts';
import type { World } from '../../src/emulator/world.ts';
import type { CheckResult } from '../../src/grading/lab-schema.ts';
import type { KubeReader } from '../../src/grading/checks/kube-reader.ts';

const set = { name: 'web', replicas: 3, serviceName: 'nginx' };

/** Runs `check` with the cluster's API, or fails when the world has no cluster. */
function withCluster(world: World, check: (kube: KubeReader) => CheckResult): CheckResult {
  const kube = kubeOf(world);
  return kube ? check(kube) : fail('this world has no Kubernetes cluster');
}

export default defineLab({
  id: 'statefulset-identity',
  title: 'StatefulSets: stable names, stable DNS, ordered start',
  summary: 'Run nginx as a StatefulSet behind a headless Service, watch web-0, web-1 and web-2 start in order, and see a deleted pod come back with its name, DNS record and claim.',
  environment: 'kubernetes',
  tasks: [
    {
      id: 'headless-service',
      title: 'Create the headless Service nginx',
      description: '`web.yaml` in your home holds a Service `nginx` with `clusterIP: None` and a StatefulSet `web`. Apply it.',
      hints: ['`kubectl apply -f FILE` creates every object in the file.', 'Run `kubectl apply -f web.yaml`.'],
      check: ({ world }) => withCluster(world, (kube) => serviceIsHeadless(kube, { name: 'nginx' })),
    },
    {
      id: 'three-ready',
      title: 'Run three Ready replicas',
      description: 'Make the StatefulSet `web` (governed by the Service `nginx`) run 3 replicas, all Running and Ready: `web-0`, `web-1` and `web-2`.',
      needs: ['headless-service'],
      hints: [
        'The file asks for 2 replicas. Change it, or scale the set.',
        'Edit `replicas: 3` in web.yaml and apply it again, or run `kubectl scale statefulset web --replicas=3`.',
      ],
      check: ({ world }) => withCluster(world, (kube) => statefulSetReady(kube, set)),
    },
    {
      id: 'ordered-start',
      title: 'See the pods start in order',
      description: 'With the default `podManagementPolicy: OrderedReady`, each pod is created only when its predecessor is Running and Ready. Watch it with `kubectl get pods -l app=nginx --watch`.',
      needs: ['three-ready'],
      hints: ['Do not set `podManagementPolicy: Parallel`.', 'The check reads the cluster\'s history: web-1 must be created after web-0 was Ready, web-2 after web-1.'],
      check: ({ world }) => orderedCreation(world.events.list(), { set: 'web', replicas: 3 }),
    },
    {
      id: 'claims-bound',
      title: 'One claim per pod',
      description: 'The volumeClaimTemplate `www` gives each pod its own PersistentVolumeClaim: `www-web-0`, `www-web-1` and `www-web-2`, all Bound.',
      needs: ['three-ready'],
      hints: ['List them with `kubectl get pvc -l app=nginx`.', 'Claims are made when the pods are; scaling to 3 makes `www-web-2`.'],
      check: ({ world }) => withCluster(world, (kube) => claimsBound(kube, { claim: 'www', set: 'web', replicas: 3 })),
    },
    {
      id: 'stable-dns',
      title: 'Stable hostnames and DNS names',
      description: 'Each pod has hostname `web-N` and the DNS name `web-N.nginx.default.svc.cluster.local`. Check with `kubectl exec web-0 -- hostname`.',
      needs: ['three-ready'],
      hints: ['The StatefulSet sets each pod\'s `hostname` and `subdomain` (the Service name).', 'The Service must be headless for per-pod DNS records.'],
      check: ({ world }) => withCluster(world, (kube) => stableNetworkIdentity(kube, set)),
    },
    {
      id: 'same-name-back',
      title: 'Delete a pod, get it back',
      description: 'Delete one pod of `web` (e.g. `kubectl delete pod web-0`) and wait until it is back: same name, Running and Ready.',
      needs: ['three-ready'],
      hints: ['`kubectl delete pod web-0`, then `kubectl get pods -l app=nginx --watch`.', 'The StatefulSet controller recreates the missing ordinal under the same name.'],
      check: ({ world }) => withCluster(world, (kube) => recreatedWithSameName(world.events.list(), kube, { set: 'web', replicas: 3 })),
    },
    {
      id: 'data-survives',
      title: 'Keep the data',
      description:
        'Write a file `index.html` into a pod\'s volume (mounted at `/usr/share/nginx/html`), then delete that pod. When it comes back, the file must still be there: the new pod mounts the same claim.',
      needs: ['three-ready'],
      hints: [
        '`kubectl exec web-0 -- sh -c \'hostname > /usr/share/nginx/html/index.html\'` writes into web-0\'s claim `www-web-0`.',
        'Write first, then `kubectl delete pod web-0`; check with `kubectl exec web-0 -- cat /usr/share/nginx/html/index.html`.',
      ],
      check: ({ world }) =>
        withCluster(world, (kube) => {
          const volumes = volumesOf(world);
          if (!volumes) return fail('this world has no Kubernetes cluster');
          return dataSurvivedRecreation(world.events.list(), kube, volumes, { set: 'web', replicas: 3, claim: 'www', path: 'index.html' });
        }),
    },
  ],
});
