# Reference solution of the statefulset-identity lab (run by `petlab labs verify`).
kubectl apply -f web.yaml
sed -i 's/replicas: 2/replicas: 3/' web.yaml
kubectl apply -f web.yaml
kubectl get pods -l app=nginx
kubectl get pvc -l app=nginx
kubectl exec web-0 -- sh -c 'hostname > /usr/share/nginx/html/index.html'
kubectl delete pod web-0
kubectl get pods -l app=nginx
kubectl exec web-0 -- cat /usr/share/nginx/html/index.html
