/** The live view (diagram and timeline). */
import type { WorkspaceContext } from '../workspace/workspace.ts';

export function mountLiveView(_ctx: WorkspaceContext, host: HTMLElement): void {
  host.textContent = 'Live view';
}
