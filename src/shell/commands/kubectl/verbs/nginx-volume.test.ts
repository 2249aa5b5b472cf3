import { describe, expect, it } from 'vitest';
import { testShell } from '../../../testing/run.ts';

describe('nginx in a pod serves its mounted /usr/share/nginx/html', () => {
  it('answers with the index.html written into the volume (StatefulSet Basics, "Writing to stable storage")', async () => {
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    const { transcript } = await sh.script(
      [
        'kubectl apply -f https://k8s.io/examples/application/web/web.yaml',
        'kubectl rollout status sts/web',
        `kubectl exec web-0 -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'`,
        'kubectl exec -i -t web-0 -- curl http://localhost/',
        'kubectl exec web-1 -- curl -s http://web-0.nginx/',
        // An empty volume has no index.html and nginx's autoindex is off: 403 (nginx ends lines of
        // its error pages with CRLF).
        'kubectl exec web-1 -- curl -s http://localhost/',
        '',
      ].join('\n'),
    );
    expect(transcript).toBe(
      [
        '$ kubectl apply -f https://k8s.io/examples/application/web/web.yaml',
        'service/nginx created',
        'statefulset.apps/web created',
        '$ kubectl rollout status sts/web',
        'Waiting for 2 pods to be ready...',
        'Waiting for 1 pods to be ready...',
        'partitioned roll out complete: 2 new pods have been updated...',
        `$ kubectl exec web-0 -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'`,
        '$ kubectl exec -i -t web-0 -- curl http://localhost/',
        'web-0',
        '$ kubectl exec web-1 -- curl -s http://web-0.nginx/',
        'web-0',
        '$ kubectl exec web-1 -- curl -s http://localhost/',
        '<html>\r',
        '<head><title>403 Forbidden</title></head>\r',
        '<body>\r',
        '<center><h1>403 Forbidden</h1></center>\r',
        '<hr><center>nginx</center>\r',
        '</body>\r',
        '</html>\r',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
