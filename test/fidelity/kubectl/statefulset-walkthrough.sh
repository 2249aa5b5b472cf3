# The StatefulSet Basics tutorial (kubernetes/website
# content/en/docs/tutorials/stateful-application/basic-stateful-set.md, commit 80cb213c),
# command by command, in one terminal: where the tutorial watches in a second terminal, we wait
# with `kubectl rollout status` instead.
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
kubectl rollout status sts/web
kubectl get service nginx
kubectl get statefulset web
kubectl get pods -l app=nginx
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
kubectl run -i --rm --image busybox:1.28 dns-test --restart=Never -- nslookup web-0.nginx
kubectl delete pod -l app=nginx
kubectl get pods -l app=nginx
kubectl rollout status sts/web
kubectl get pods -l app=nginx -o wide
kubectl get pvc -l app=nginx
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done
kubectl delete pod -l app=nginx
kubectl rollout status sts/web
for i in 0 1; do kubectl exec "web-$i" -- cat /usr/share/nginx/html/index.html; done
kubectl scale sts web --replicas=5
kubectl rollout status sts/web
kubectl get pods -l app=nginx
kubectl patch sts web -p '{"spec":{"replicas":3}}'
sleep 50
kubectl get pods -l app=nginx
kubectl get pvc -l app=nginx
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.21"}]'
kubectl rollout status sts/web
kubectl get pod -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.containers[0].image}{"\n"}{end}'
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}'
kubectl rollout status sts/web
kubectl get pod -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.containers[0].image}{"\n"}{end}'
kubectl rollout history sts/web
kubectl describe sts web
kubectl get sts,pods,pvc
kubectl delete statefulset web --cascade=orphan
kubectl get pods -l app=nginx
kubectl delete pod web-0
kubectl get pods -l app=nginx
kubectl apply -f https://k8s.io/examples/application/web/web.yaml
kubectl rollout status sts/web
sleep 30
kubectl get pods -l app=nginx
kubectl get pod web-1 -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\n"}'
for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done
kubectl delete statefulset web
kubectl delete service nginx
sleep 45
kubectl get pvc
kubectl delete pvc -l app=nginx
kubectl apply -f https://k8s.io/examples/application/web/web-parallel.yaml
kubectl rollout status sts/web
kubectl get pods -l app.kubernetes.io/name=nginx -o wide
kubectl delete sts web
