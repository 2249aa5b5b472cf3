/**
 * Entry of the lab code, imported dynamically by `<Lab>`'s small loader script: mounts a
 * workspace into every lab placeholder on the page, with the lab panel and the live view.
 */
import type { PageLab } from './lab-loader.ts';
import { mountWorkspace, type Workspace } from './workspace.ts';

const PANELS = [
  { name: 'tasks', label: 'Lab tasks', load: () => import('../lab-panel/lab-panel.ts').then((m) => m.mountLabPanel) },
  { name: 'view', label: 'Live view', load: () => import('../diagrams/live-view.ts').then((m) => m.mountLiveView) },
  { name: 'editor', label: 'Editor', load: () => import('../editor/editor-panel.ts').then((m) => m.mountEditorPanel) },
] as const;

/**
 * Mounts the lab of `root` (`data-lab-id`), its definition loaded by `loadBundle` (the loader's
 * `loadLabBundle`); a Reset mounts a fresh one in its place. Rejects when the lab's code or world
 * cannot be loaded.
 */
export async function mountLab(root: HTMLElement, loadBundle: (labId: string) => Promise<PageLab | undefined>): Promise<Workspace> {
  const labId = root.dataset.labId ?? 'sandbox';
  const onReset = () => {
    root.dataset.state = 'loading';
    delete (window as unknown as { petlabWorkspaces?: Record<string, Workspace> }).petlabWorkspaces?.[labId];
    void mountLab(root, loadBundle);
  };
  const workspace = await mountWorkspace(root, { labId, loadBundle, panels: PANELS, onReset });
  await workspace.ready;
  root.dataset.state = 'ready';
  (window as unknown as { petlabWorkspaces?: Record<string, Workspace> }).petlabWorkspaces ??= {};
  (window as unknown as { petlabWorkspaces: Record<string, Workspace> }).petlabWorkspaces[labId] = workspace;
  return workspace;
}
