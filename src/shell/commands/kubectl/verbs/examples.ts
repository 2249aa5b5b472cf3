/**
 * The manifests served at https://k8s.io/examples/… that the Kubernetes tutorials apply by URL
 * (`kubectl apply -f https://k8s.io/examples/application/web/web.yaml`). The lab has no
 * internet, so kubectl finds these copies instead; other URLs fail like an unreachable host.
 * Source: kubernetes/website content/en/examples/application/web/web.yaml (commit 10d228cf)
 * and web-parallel.yaml (commit 5e84d3b4).
 */

const WEB_YAML = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.7
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi

`;

const WEB_PARALLEL_YAML = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app.kubernetes.io/name: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app.kubernetes.io/name: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  podManagementPolicy: "Parallel"
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: nginx
  template:
    metadata:
      labels:
        app.kubernetes.io/name: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

const EXAMPLES: Readonly<Record<string, string>> = {
  'application/web/web.yaml': WEB_YAML,
  'application/web/web-parallel.yaml': WEB_PARALLEL_YAML,
};

/** The body of a k8s.io/examples URL, or undefined. */
export function exampleFor(url: string): string | undefined {
  const m = /^https?:\/\/(?:k8s\.io|kubernetes\.io)\/examples\/(.+)$/.exec(url);
  return m ? EXAMPLES[m[1]] : undefined;
}
