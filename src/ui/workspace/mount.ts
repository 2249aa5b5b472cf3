/**
 * Entry of the lab code, imported dynamically by `<Lab>`'s small loader script: mounts a
 * workspace into every lab placeholder on the page, with the lab panel and the live view.
 */
import { mountWorkspace, type Workspace } from './workspace.ts';

const PANELS = [
  { name: 'tasks', label: 'Lab tasks', load: () => import('../lab-panel/lab-panel.ts').then((m) => m.mountLabPanel) },
  { name: 'view', label: 'Live view', load: () => import('../diagrams/live-view.ts').then((m) => m.mountLiveView) },
  { name: 'editor', label: 'Editor', load: () => import('../editor/editor-panel.ts').then((m) => m.mountEditorPanel) },
] as const;

/** Mounts the lab of `root` (`data-lab-id`); a Reset mounts a fresh one in its place. */
export async function mountLab(root: HTMLElement): Promise<Workspace> {
  const labId = root.dataset.labId ?? 'sandbox';
  const onReset = () => {
    root.dataset.state = 'loading';
    delete (window as unknown as { petlabWorkspaces?: Record<string, Workspace> }).petlabWorkspaces?.[labId];
    void mountLab(root);
  };
  const workspace = await mountWorkspace(root, { labId, panels: PANELS, onReset });
  await workspace.ready;
  root.dataset.state = 'ready';
  (window as unknown as { petlabWorkspaces?: Record<string, Workspace> }).petlabWorkspaces ??= {};
  (window as unknown as { petlabWorkspaces: Record<string, Workspace> }).petlabWorkspaces[labId] = workspace;
  return workspace;
}
