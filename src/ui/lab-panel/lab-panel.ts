/** The lab panel (tasks, hints, solution). */
import type { WorkspaceContext } from '../workspace/workspace.ts';

export function mountLabPanel(ctx: WorkspaceContext, host: HTMLElement): void {
  host.textContent = ctx.bundle ? ctx.bundle.lab.title : 'Sandbox';
}
