import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootChunks, labsOnPage, markPhaseTwo, phaseTwoChunks } from './lab-preload.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const at = (path: string) => resolve(ROOT, path);
const chunk = (fileName: string, moduleIds: string[], imports: string[] = [], css: string[] = []) => [fileName, { fileName, moduleIds, imports, css }] as const;

describe('labsOnPage', () => {
  it('reads id, environment and setup commands of every lab on a page', () => {
    const html =
      '<p>x</p><section class="petlab-lab not-content" data-lab-id="a" data-environment="docker" data-setup-commands="docker ip" aria-label="Lab: a">' +
      '<section class="petlab-lab not-content" data-lab-id="b" data-environment="linux" data-setup-commands aria-label="Lab: b"><section class="other">';
    expect(labsOnPage(html)).toEqual([
      { id: 'a', environment: 'docker', commands: ['docker', 'ip'] },
      { id: 'b', environment: 'linux', commands: [] },
    ]);
  });

  it('finds no lab on a page without one', () => {
    expect(labsOnPage('<section class="sl-markdown-content"><h1>Pets</h1></section>')).toEqual([]);
  });
});

describe('bootChunks', () => {
  const chunks = new Map([
    chunk('_astro/Lab.js', [`${at('src/components/Lab.astro')}?astro&type=script&index=0&lang.ts`, at('src/ui/workspace/lab-loader.ts')], ['_astro/preload-helper.js']),
    chunk('_astro/preload-helper.js', ['\0vite/preload-helper.js']),
    chunk('_astro/mount.js', [at('src/ui/workspace/mount.ts'), at('src/ui/workspace/frame.ts')], ['_astro/preload-helper.js', '_astro/runtime.js'], ['_astro/mount.css']),
    chunk('_astro/workspace.js', [at('src/ui/workspace/workspace.ts'), at('src/shell/session.ts')], ['_astro/mount.js']),
    chunk('_astro/runtime.js', ['\0rolldown/runtime.js']),
    chunk('_astro/lab.js', [at('labs/web/lab.ts')], ['_astro/result.js', '_astro/mount.js']),
    chunk('_astro/result.js', [at('src/grading/checks/result.ts')]),
    chunk('_astro/web.js', [`${at('labs/web/files/web.yaml')}?raw`]),
    chunk('_astro/other-lab.js', [at('labs/other/lab.ts')]),
    chunk('_astro/kube.js', [at('src/emulator/kube/cluster.ts')], ['_astro/mount.js']),
    chunk('_astro/docker-engine.js', [at('src/emulator/docker/engine.ts')]),
    chunk('_astro/docker.js', [at('src/shell/commands/docker/index.ts')], ['_astro/docker-engine.js']),
    chunk('_astro/monaco.js', [at('src/ui/editor/monaco.ts')], [], ['_astro/monaco.css']),
  ]);

  it('takes what the first prompt needs: the loader, the workspace entry, the lab and its files, with their static imports', () => {
    expect(bootChunks(chunks, [{ id: 'web', environment: 'kubernetes', commands: [] }])).toEqual({
      scripts: ['_astro/Lab.js', '_astro/preload-helper.js', '_astro/mount.js', '_astro/runtime.js', '_astro/lab.js', '_astro/result.js', '_astro/web.js'],
      styles: ['_astro/mount.css'],
    });
  });

  it('leaves the shell, the environment and the setup commands to phase 2', () => {
    const labs = [{ id: 'other', environment: 'docker', commands: ['docker', 'no-such-command'] }];
    expect(bootChunks(chunks, labs).scripts).toEqual(['_astro/Lab.js', '_astro/preload-helper.js', '_astro/mount.js', '_astro/runtime.js', '_astro/other-lab.js']);
    expect(phaseTwoChunks(chunks, labs)).toEqual(['_astro/workspace.js', '_astro/docker-engine.js', '_astro/docker.js']);
  });

  it('phase 2 of a Kubernetes lab: the workspace and the cluster, not what phase 1 loaded', () => {
    expect(phaseTwoChunks(chunks, [{ id: 'web', environment: 'kubernetes', commands: [] }])).toEqual(['_astro/workspace.js', '_astro/kube.js']);
  });
});

describe('markPhaseTwo', () => {
  it('lists phase 2 chunks on the lab’s own element only', () => {
    const html = '<section class="petlab-lab" data-lab-id="a.b" data-environment="docker"></section><section class="petlab-lab" data-lab-id="axb"></section>';
    expect(markPhaseTwo(html, 'a.b', ['/course/_astro/workspace.js', '/course/_astro/docker-engine.js'])).toBe(
      '<section class="petlab-lab" data-lab-id="a.b" data-phase-two="/course/_astro/workspace.js /course/_astro/docker-engine.js" data-environment="docker"></section><section class="petlab-lab" data-lab-id="axb"></section>',
    );
  });
});
