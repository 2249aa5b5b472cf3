/**
 * The shape of each kind, field by field, as a compact table (the OpenAPI v3 schema reduced to
 * names and types). The store uses it for strict decoding (`unknown field "spec.foo"`); kubectl
 * can use it for `explain`. Type refs: 'string' | 'integer' | 'boolean' | 'object' (free-form) |
 * 'map' (string → string) | 'quantity' | 'int-or-string' | a type name | `<ref>[]`.
 */

export type TypeRef = string;
export type Schema = Readonly<Record<string, Readonly<Record<string, TypeRef>>>>;

const meta = {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'integer',
  creationTimestamp: 'string',
  deletionTimestamp: 'string',
  deletionGracePeriodSeconds: 'integer',
  labels: 'map',
  annotations: 'map',
  ownerReferences: 'OwnerReference[]',
  finalizers: 'string[]',
  managedFields: 'object[]',
};

const probe = {
  exec: 'ExecAction',
  httpGet: 'HTTPGetAction',
  tcpSocket: 'TCPSocketAction',
  grpc: 'object',
  initialDelaySeconds: 'integer',
  periodSeconds: 'integer',
  timeoutSeconds: 'integer',
  successThreshold: 'integer',
  failureThreshold: 'integer',
  terminationGracePeriodSeconds: 'integer',
};

const container = {
  name: 'string',
  image: 'string',
  command: 'string[]',
  args: 'string[]',
  workingDir: 'string',
  ports: 'ContainerPort[]',
  envFrom: 'object[]',
  env: 'EnvVar[]',
  resources: 'ResourceRequirements',
  resizePolicy: 'object[]',
  restartPolicy: 'string',
  volumeMounts: 'VolumeMount[]',
  volumeDevices: 'object[]',
  livenessProbe: 'Probe',
  readinessProbe: 'Probe',
  startupProbe: 'Probe',
  lifecycle: 'object',
  terminationMessagePath: 'string',
  terminationMessagePolicy: 'string',
  imagePullPolicy: 'string',
  securityContext: 'object',
  stdin: 'boolean',
  stdinOnce: 'boolean',
  tty: 'boolean',
};

const podSpec = {
  volumes: 'Volume[]',
  initContainers: 'Container[]',
  containers: 'Container[]',
  ephemeralContainers: 'object[]',
  restartPolicy: 'string',
  terminationGracePeriodSeconds: 'integer',
  activeDeadlineSeconds: 'integer',
  dnsPolicy: 'string',
  nodeSelector: 'map',
  serviceAccountName: 'string',
  serviceAccount: 'string',
  automountServiceAccountToken: 'boolean',
  nodeName: 'string',
  hostNetwork: 'boolean',
  hostPID: 'boolean',
  hostIPC: 'boolean',
  shareProcessNamespace: 'boolean',
  securityContext: 'object',
  imagePullSecrets: 'object[]',
  hostname: 'string',
  subdomain: 'string',
  affinity: 'object',
  schedulerName: 'string',
  tolerations: 'Toleration[]',
  hostAliases: 'object[]',
  priorityClassName: 'string',
  priority: 'integer',
  dnsConfig: 'object',
  readinessGates: 'object[]',
  runtimeClassName: 'string',
  enableServiceLinks: 'boolean',
  preemptionPolicy: 'string',
  overhead: 'object',
  topologySpreadConstraints: 'object[]',
  setHostnameAsFQDN: 'boolean',
  os: 'object',
  hostUsers: 'boolean',
  schedulingGates: 'object[]',
  resourceClaims: 'object[]',
  resources: 'ResourceRequirements',
};

const pvcSpec = {
  accessModes: 'string[]',
  selector: 'LabelSelector',
  resources: 'ResourceRequirements',
  volumeName: 'string',
  storageClassName: 'string',
  volumeMode: 'string',
  dataSource: 'object',
  dataSourceRef: 'object',
  volumeAttributesClassName: 'string',
};

/** Every named type. Top-level kinds are keyed by kind. */
export const SCHEMA: Schema = {
  ObjectMeta: meta,
  OwnerReference: { apiVersion: 'string', kind: 'string', name: 'string', uid: 'string', controller: 'boolean', blockOwnerDeletion: 'boolean' },
  LabelSelector: { matchLabels: 'map', matchExpressions: 'LabelSelectorRequirement[]' },
  LabelSelectorRequirement: { key: 'string', operator: 'string', values: 'string[]' },
  ResourceRequirements: { limits: 'object', requests: 'object', claims: 'object[]' },
  ExecAction: { command: 'string[]' },
  HTTPGetAction: { path: 'string', port: 'int-or-string', host: 'string', scheme: 'string', httpHeaders: 'object[]' },
  TCPSocketAction: { port: 'int-or-string', host: 'string' },
  Probe: probe,
  ContainerPort: { name: 'string', hostPort: 'integer', containerPort: 'integer', protocol: 'string', hostIP: 'string' },
  EnvVar: { name: 'string', value: 'string', valueFrom: 'object' },
  VolumeMount: { name: 'string', readOnly: 'boolean', recursiveReadOnly: 'string', mountPath: 'string', subPath: 'string', mountPropagation: 'string', subPathExpr: 'string' },
  Container: container,
  Toleration: { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'integer' },
  Volume: {
    name: 'string',
    persistentVolumeClaim: 'object',
    emptyDir: 'object',
    configMap: 'object',
    secret: 'object',
    hostPath: 'object',
    projected: 'object',
    downwardAPI: 'object',
    ephemeral: 'object',
    nfs: 'object',
    csi: 'object',
  },
  PodSpec: podSpec,
  PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  PersistentVolumeClaimSpec: pvcSpec,
  PersistentVolumeClaimTemplate: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'PersistentVolumeClaimSpec', status: 'object' },
  StatefulSetSpec: {
    replicas: 'integer',
    selector: 'LabelSelector',
    template: 'PodTemplateSpec',
    volumeClaimTemplates: 'PersistentVolumeClaimTemplate[]',
    serviceName: 'string',
    podManagementPolicy: 'string',
    updateStrategy: 'StatefulSetUpdateStrategy',
    revisionHistoryLimit: 'integer',
    minReadySeconds: 'integer',
    persistentVolumeClaimRetentionPolicy: 'StatefulSetPersistentVolumeClaimRetentionPolicy',
    ordinals: 'StatefulSetOrdinals',
  },
  StatefulSetUpdateStrategy: { type: 'string', rollingUpdate: 'RollingUpdateStatefulSetStrategy' },
  RollingUpdateStatefulSetStrategy: { partition: 'integer', maxUnavailable: 'int-or-string' },
  StatefulSetPersistentVolumeClaimRetentionPolicy: { whenDeleted: 'string', whenScaled: 'string' },
  StatefulSetOrdinals: { start: 'integer' },
  DeploymentSpec: {
    replicas: 'integer',
    selector: 'LabelSelector',
    template: 'PodTemplateSpec',
    strategy: 'DeploymentStrategy',
    minReadySeconds: 'integer',
    revisionHistoryLimit: 'integer',
    paused: 'boolean',
    progressDeadlineSeconds: 'integer',
  },
  DeploymentStrategy: { type: 'string', rollingUpdate: 'RollingUpdateDeployment' },
  RollingUpdateDeployment: { maxUnavailable: 'int-or-string', maxSurge: 'int-or-string' },
  ReplicaSetSpec: { replicas: 'integer', minReadySeconds: 'integer', selector: 'LabelSelector', template: 'PodTemplateSpec' },
  DaemonSetSpec: { selector: 'LabelSelector', template: 'PodTemplateSpec', updateStrategy: 'DaemonSetUpdateStrategy', minReadySeconds: 'integer', revisionHistoryLimit: 'integer' },
  DaemonSetUpdateStrategy: { type: 'string', rollingUpdate: 'RollingUpdateDaemonSet' },
  RollingUpdateDaemonSet: { maxUnavailable: 'int-or-string', maxSurge: 'int-or-string' },
  ServicePort: { name: 'string', protocol: 'string', appProtocol: 'string', port: 'integer', targetPort: 'int-or-string', nodePort: 'integer' },
  ServiceSpec: {
    ports: 'ServicePort[]',
    selector: 'map',
    clusterIP: 'string',
    clusterIPs: 'string[]',
    type: 'string',
    externalIPs: 'string[]',
    sessionAffinity: 'string',
    loadBalancerIP: 'string',
    loadBalancerSourceRanges: 'string[]',
    externalName: 'string',
    externalTrafficPolicy: 'string',
    healthCheckNodePort: 'integer',
    publishNotReadyAddresses: 'boolean',
    sessionAffinityConfig: 'object',
    ipFamilies: 'string[]',
    ipFamilyPolicy: 'string',
    allocateLoadBalancerNodePorts: 'boolean',
    loadBalancerClass: 'string',
    internalTrafficPolicy: 'string',
    trafficDistribution: 'string',
  },
  NodeSpec: { podCIDR: 'string', podCIDRs: 'string[]', providerID: 'string', unschedulable: 'boolean', taints: 'object[]', configSource: 'object', externalID: 'string' },
  PersistentVolumeSpec: {
    capacity: 'object',
    accessModes: 'string[]',
    claimRef: 'object',
    persistentVolumeReclaimPolicy: 'string',
    storageClassName: 'string',
    mountOptions: 'string[]',
    volumeMode: 'string',
    nodeAffinity: 'object',
    volumeAttributesClassName: 'string',
    hostPath: 'object',
    local: 'object',
    nfs: 'object',
    csi: 'object',
  },

  Namespace: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'object', status: 'object' },
  Node: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'NodeSpec', status: 'object' },
  Pod: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'PodSpec', status: 'object' },
  ReplicaSet: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'ReplicaSetSpec', status: 'object' },
  Deployment: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: 'object' },
  StatefulSet: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'StatefulSetSpec', status: 'object' },
  DaemonSet: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'DaemonSetSpec', status: 'object' },
  ControllerRevision: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', data: 'object', revision: 'integer' },
  Service: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'ServiceSpec', status: 'object' },
  EndpointSlice: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', addressType: 'string', endpoints: 'object[]', ports: 'object[]' },
  PersistentVolume: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'PersistentVolumeSpec', status: 'object' },
  PersistentVolumeClaim: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', spec: 'PersistentVolumeClaimSpec', status: 'object' },
  StorageClass: {
    apiVersion: 'string',
    kind: 'string',
    metadata: 'ObjectMeta',
    provisioner: 'string',
    parameters: 'map',
    reclaimPolicy: 'string',
    mountOptions: 'string[]',
    allowVolumeExpansion: 'boolean',
    volumeBindingMode: 'string',
    allowedTopologies: 'object[]',
  },
  ConfigMap: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', data: 'map', binaryData: 'object', immutable: 'boolean' },
  Secret: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', data: 'map', stringData: 'map', type: 'string', immutable: 'boolean' },
  Event: {
    apiVersion: 'string',
    kind: 'string',
    metadata: 'ObjectMeta',
    involvedObject: 'object',
    reason: 'string',
    message: 'string',
    source: 'object',
    firstTimestamp: 'string',
    lastTimestamp: 'string',
    count: 'integer',
    type: 'string',
    eventTime: 'string',
    series: 'object',
    action: 'string',
    related: 'object',
    reportingComponent: 'string',
    reportingInstance: 'string',
  },
  ServiceAccount: { apiVersion: 'string', kind: 'string', metadata: 'ObjectMeta', secrets: 'object[]', imagePullSecrets: 'object[]', automountServiceAccountToken: 'boolean' },
};

/**
 * Paths of fields not in the schema, in document order, formatted like the API server's strict
 * decoder: `spec.foo`, `spec.template.spec.containers[0].imag`.
 */
export function unknownFields(kind: string, obj: unknown): string[] {
  const out: string[] = [];
  walk(kind, obj, '', out);
  return out;
}

function walk(type: TypeRef, value: unknown, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return;
    const item = type.slice(0, -2);
    value.forEach((v, i) => walk(item, v, `${path}[${i}]`, out));
    return;
  }
  const fields = SCHEMA[type];
  if (!fields || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    const ref = fields[k];
    if (ref === undefined) out.push(p);
    else walk(ref, v, p, out);
  }
}
