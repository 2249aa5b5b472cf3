/** The editor panel (file list; Monaco on demand). */
import type { WorkspaceContext } from '../workspace/workspace.ts';

export function mountEditorPanel(_ctx: WorkspaceContext, host: HTMLElement): void {
  host.textContent = 'Editor';
}
