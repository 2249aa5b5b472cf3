/**
 * A JSON Schema (draft-07) for Kubernetes manifests, generated from the emulator's own field
 * table (`src/emulator/kube/api/schema.ts`) — the same definitions `kubectl apply` decodes
 * strictly — so the editor flags exactly the fields the API server would reject. Every object
 * type forbids unknown properties; `kind` selects the definition; short descriptions of the
 * fields learners meet most feed the hover docs. Bundled: no network.
 */
import { RESOURCES } from '../../emulator/kube/api/resources.ts';
import { SCHEMA, type TypeRef } from '../../emulator/kube/api/schema.ts';

type JsonSchema = Record<string, unknown>;

/** Descriptions from the Kubernetes API reference (1.34), for hover. Keyed `Type.field`. */
const DOCS: Record<string, string> = {
  'StatefulSet': 'StatefulSet represents a set of pods with consistent identities: stable network names (web-0, web-1…) and stable storage.',
  'Deployment': 'Deployment enables declarative updates for Pods and ReplicaSets.',
  'Service': 'Service is a named abstraction of software service consisting of a local port that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
  'Pod': 'Pod is a collection of containers that can run on a host.',
  'PersistentVolumeClaim': 'PersistentVolumeClaim is a user’s request for and claim to a persistent volume.',
  'StatefulSetSpec.replicas': 'The desired number of replicas of the given Template. Defaults to 1.',
  'StatefulSetSpec.serviceName': 'The name of the service that governs this StatefulSet. It must exist before the StatefulSet and is responsible for the network identity of the set: pods get DNS names pod-specific-string.serviceName.namespace.svc.cluster.local.',
  'StatefulSetSpec.selector': 'A label query over pods that should match the replica count. It must match the pod template’s labels.',
  'StatefulSetSpec.template': 'The object that describes the pod that will be created if insufficient replicas are detected. Each pod stamped out by the StatefulSet fulfils the Template, but has a unique identity.',
  'StatefulSetSpec.volumeClaimTemplates': 'A list of claims that pods are allowed to reference. The StatefulSet controller creates one claim per pod (name-podname) and keeps it when the pod is deleted.',
  'StatefulSetSpec.podManagementPolicy': 'How pods are created during initial scale up, replacing pods on nodes, or scaling down: OrderedReady (default: one at a time, in order, each Running and Ready first) or Parallel.',
  'StatefulSetSpec.updateStrategy': 'The StatefulSetUpdateStrategy used to update Pods when a revision is made to Template: RollingUpdate (default, in reverse ordinal order, honouring partition) or OnDelete.',
  'StatefulSetSpec.persistentVolumeClaimRetentionPolicy': 'Whether and how PVCs created from volumeClaimTemplates are deleted when the StatefulSet is deleted or scaled down (Retain by default).',
  'RollingUpdateStatefulSetStrategy.partition': 'Pods with an ordinal greater than or equal to the partition are updated when the template changes; the others keep the old revision.',
  'DeploymentSpec.replicas': 'Number of desired pods. Defaults to 1.',
  'ServiceSpec.clusterIP': 'The IP address of the service, usually assigned randomly. "None" makes a headless Service: no virtual IP, DNS returns the pods’ addresses.',
  'ServiceSpec.selector': 'Route service traffic to pods with label keys and values matching this selector.',
  'ServiceSpec.ports': 'The list of ports that are exposed by this service.',
  'ServiceSpec.type': 'How the Service is exposed: ClusterIP (default), NodePort, LoadBalancer or ExternalName.',
  'PodSpec.containers': 'List of containers belonging to the pod. There must be at least one.',
  'PodSpec.volumes': 'List of volumes that can be mounted by containers belonging to the pod.',
  'PodSpec.terminationGracePeriodSeconds': 'Seconds the pod needs to terminate gracefully. Defaults to 30.',
  'Container.image': 'Container image name, e.g. registry.k8s.io/nginx-slim:0.24.',
  'Container.volumeMounts': 'Pod volumes to mount into the container’s filesystem.',
  'Container.readinessProbe': 'Periodic probe of container service readiness. The container is removed from service endpoints if the probe fails.',
  'VolumeMount.mountPath': 'Path within the container at which the volume should be mounted.',
  'PersistentVolumeClaimSpec.accessModes': 'The desired access modes the volume should have, e.g. ReadWriteOnce.',
  'PersistentVolumeClaimSpec.resources': 'The minimum resources the volume should have, e.g. requests: { storage: 1Gi }.',
  'PersistentVolumeClaimSpec.storageClassName': 'The name of the StorageClass required by the claim; the default class ("standard") when omitted.',
  'ObjectMeta.name': 'Name must be unique within a namespace. For StatefulSet pods it is <statefulset>-<ordinal>.',
  'ObjectMeta.labels': 'Map of string keys and values that can be used to organize and categorize (scope and select) objects.',
};

function ref(type: TypeRef): JsonSchema {
  if (type.endsWith('[]')) return { type: 'array', items: ref(type.slice(0, -2)) };
  switch (type) {
    case 'string':
      return { type: 'string' };
    case 'integer':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object':
      return { type: 'object' };
    case 'map':
      return { type: 'object', additionalProperties: { type: 'string' } };
    case 'quantity':
    case 'int-or-string':
      return { type: ['string', 'integer'] };
    default:
      return { $ref: `#/definitions/${type}` };
  }
}

/** The manifest schema for every kind the emulator serves. */
export function kubeJsonSchema(): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const [name, fields] of Object.entries(SCHEMA)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [field, type] of Object.entries(fields)) {
      const doc = DOCS[`${name}.${field}`];
      properties[field] = doc ? { ...ref(type), description: doc } : ref(type);
    }
    definitions[name] = { type: 'object', additionalProperties: false, properties, ...(DOCS[name] ? { description: DOCS[name] } : {}) };
  }
  const kinds = RESOURCES.filter((r) => SCHEMA[r.kind]);
  for (const r of kinds) {
    const def = definitions[r.kind] as { properties: Record<string, JsonSchema> };
    def.properties.apiVersion = { type: 'string', enum: [r.apiVersion], description: `APIVersion of ${r.kind}: ${r.apiVersion}.` };
    def.properties.kind = { type: 'string', enum: [r.kind] };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes manifest (Petlab)',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map((r) => r.apiVersion))] },
      kind: { type: 'string', enum: kinds.map((r) => r.kind) },
    },
    allOf: kinds.map((r) => ({
      if: { properties: { kind: { const: r.kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${r.kind}` },
    })),
    definitions,
  };
}
