/**
 * Monaco, loaded only when the learner opens the editor: the editor core with the features the
 * lab uses (hover, suggestions, markers, find), YAML highlighting, and monaco-yaml validating,
 * completing and documenting Kubernetes manifests from the bundled schema.
 *
 * Two upstream gaps are bridged here (see /work/shared/tech-notes.md, Monaco pitfalls):
 * monaco-worker-manager 2 still calls `editor.createWebWorker({ moduleId, label, createData })`,
 * which Monaco ≥ 0.55 ignores (it needs `opts.worker`), so the wrapper below creates the worker
 * and sends `'ignore'` then `createData`, as Monaco's own language workers do; and `getWorker`
 * names the editor worker explicitly.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { kubeJsonSchema } from './kube-json-schema.ts';

export { monaco };

type WorkerOptions = { worker?: unknown; moduleId?: string; label?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean };

function makeWorker(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

let configured = false;

/** Sets Monaco up once: workers, the createWebWorker bridge, the YAML schema. */
export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  (globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_workerId: string, label: string) => makeWorker(label),
  };
  const editorApi = monaco.editor as unknown as { createWebWorker: (opts: WorkerOptions) => unknown };
  const original = editorApi.createWebWorker.bind(monaco.editor);
  editorApi.createWebWorker = (opts: WorkerOptions) => {
    if (opts.worker) return original(opts);
    const worker = Promise.resolve(makeWorker(opts.label ?? 'editorWorkerService')).then((w) => {
      w.postMessage('ignore');
      w.postMessage(opts.createData);
      return w;
    });
    return original({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: true,
    hover: true,
    completion: true,
    schemas: [{ uri: 'https://petlab.invalid/kubernetes.json', fileMatch: ['**/*.yaml', '**/*.yml'], schema: kubeJsonSchema() as never }],
  });
  return monaco;
}
