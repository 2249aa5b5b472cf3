import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labChunkBanner, labCodeSplitting } from './lab-chunks.mjs';

const at = (path: string) => resolve(import.meta.dirname, '../..', path);
const MOUNT = at('ui/workspace/mount.ts');
const LOADER = at('ui/workspace/lab-loader.ts');
const CLUSTER = at('emulator/kube/cluster.ts');
const ENGINE = at('emulator/docker/engine.ts');

type Info = { importedIds: string[]; importers: string[]; isEntry: boolean; dynamicallyImportedIds: string[] };
/** A module graph from `id → static imports` (and `id → dynamic imports`); `entries` are page scripts. */
function graph(edges: Record<string, string[]>, entries: string[], dynamic: Record<string, string[]> = {}): { getModuleInfo(id: string): Info | null } {
  const infos = new Map<string, Info>();
  const get = (id: string) => infos.get(id) ?? infos.set(id, { importedIds: [], importers: [], isEntry: entries.includes(id), dynamicallyImportedIds: [] }).get(id)!;
  for (const [from, tos] of Object.entries(edges)) for (const to of tos) {
    get(from).importedIds.push(to);
    get(to).importers.push(from);
  }
  for (const [from, tos] of Object.entries(dynamic)) for (const to of tos) get(from).dynamicallyImportedIds.push(to);
  return { getModuleInfo: (id) => infos.get(id) ?? null };
}

/** The group each module lands in (the first group whose name function names it). */
function groupsOf(ctx: ReturnType<typeof graph>, ids: string[]): Record<string, string | null> {
  const split = labCodeSplitting() as { groups: { name: string | ((id: string, ctx: unknown) => string | null) }[] };
  const named = split.groups.filter((g) => typeof g.name === 'function') as { name: (id: string, ctx: unknown) => string | null }[];
  return Object.fromEntries(ids.map((id) => [id.split('/').slice(-2).join('/'), named.map((g) => g.name(id, ctx)).find((n) => n) ?? null]));
}

describe('labCodeSplitting', () => {
  it('groups the workspace, the cluster, the engine and what both share; leaves the loader and page scripts’ modules out', () => {
    const page = at('components/CourseProgress.astro?astro&type=script');
    const lab = at('components/Lab.astro?astro&type=script');
    const ctx = graph(
      {
        [lab]: [LOADER],
        [MOUNT]: [at('ui/workspace/workspace.ts')],
        [at('ui/workspace/workspace.ts')]: [LOADER, at('ui/persistence/lab-store.ts'), at('shell/session.ts')],
        [page]: [at('ui/persistence/lab-store.ts')],
        [CLUSTER]: [at('emulator/kube/store.ts'), at('emulator/docker/image-catalogue.ts'), at('shell/session.ts')],
        [ENGINE]: [at('emulator/docker/image-catalogue.ts'), at('emulator/docker/network.ts')],
      },
      [lab, page],
    );
    expect(
      groupsOf(ctx, [MOUNT, at('ui/workspace/workspace.ts'), at('shell/session.ts'), LOADER, at('ui/persistence/lab-store.ts'), CLUSTER, at('emulator/kube/store.ts'), ENGINE, at('emulator/docker/network.ts'), at('emulator/docker/image-catalogue.ts')]),
    ).toEqual({
      'workspace/mount.ts': 'mount',
      'workspace/workspace.ts': 'mount',
      'shell/session.ts': 'mount',
      'workspace/lab-loader.ts': null,
      'persistence/lab-store.ts': null,
      'kube/cluster.ts': 'kube',
      'kube/store.ts': 'kube',
      'docker/engine.ts': 'docker-engine',
      'docker/network.ts': 'docker-engine',
      'docker/image-catalogue.ts': 'containers',
    });
  });

  it('boot phase 2 (the workspace, loaded after the prompt) is a group of its own; what lab checks share with an engine is another', () => {
    const lab = at('components/Lab.astro?astro&type=script');
    const WORKSPACE = at('ui/workspace/workspace.ts');
    const labDefinition = resolve(import.meta.dirname, '../../../labs/bridge/lab.ts');
    const ctx = graph(
      {
        [lab]: [LOADER],
        [MOUNT]: [at('ui/workspace/frame.ts'), at('emulator/boot.ts')],
        [WORKSPACE]: [at('shell/session.ts'), at('emulator/boot.ts'), at('ui/terminal/completion/index.ts')],
        [CLUSTER]: [at('emulator/kube/store.ts'), at('shell/session.ts')],
        [ENGINE]: [at('emulator/docker/network-ops.ts'), at('emulator/docker/network.ts')],
        [labDefinition]: [at('grading/checks/docker.ts')],
        [at('grading/checks/docker.ts')]: [at('emulator/docker/network-ops.ts')],
      },
      [lab],
      { [LOADER]: [labDefinition], [MOUNT]: [WORKSPACE] },
    );
    const ids = [at('ui/workspace/frame.ts'), at('emulator/boot.ts'), WORKSPACE, at('shell/session.ts'), at('ui/terminal/completion/index.ts'), at('emulator/kube/store.ts'), at('emulator/docker/network-ops.ts'), at('emulator/docker/network.ts'), at('grading/checks/docker.ts')];
    expect(groupsOf(ctx, ids)).toEqual({
      'workspace/frame.ts': 'mount',
      'emulator/boot.ts': 'mount',
      'workspace/workspace.ts': 'workspace',
      // the cluster uses it too, and always loads after (or with) the workspace
      'shell/session.ts': 'workspace',
      'completion/index.ts': 'workspace',
      'kube/store.ts': 'kube',
      // a lab's check imports it: in docker-engine, it would drag the engine in before the prompt
      'docker/network-ops.ts': 'lab-shared',
      'docker/network.ts': 'docker-engine',
      'checks/docker.ts': null,
    });
  });

  it('puts the compile hint only on the boot chunks', () => {
    expect(labChunkBanner({ name: 'mount', moduleIds: [MOUNT] })).toBe('//# allFunctionsCalledOnLoad');
    expect(labChunkBanner({ name: 'kube', moduleIds: [CLUSTER] })).toBe('//# allFunctionsCalledOnLoad');
    expect(labChunkBanner({ name: 'workspace', moduleIds: [at('ui/workspace/workspace.ts')] })).toBe('//# allFunctionsCalledOnLoad');
    expect(labChunkBanner({ name: 'mount', moduleIds: [at('shell/commands/mount/index.ts')] })).toBe('');
    expect(labChunkBanner({ name: 'monaco', moduleIds: [] })).toBe('');
  });
});
