/**
 * The readable report `petlab grade` prints by default: the lab, the score, then one block per
 * task with its status, points and the check's message.
 */
import type { LabResult, TaskStatus } from '../results.ts';

const label: Record<TaskStatus, string> = { pass: 'PASS', fail: 'FAIL', skipped: 'SKIP' };

/** Formats a result as plain text (no colours), ending with a newline. */
export function formatText(result: LabResult): string {
  const lines = [`Lab: ${result.lab.title} (${result.lab.id})`];
  if (result.status === 'error') {
    lines.push(`Error: ${result.error ?? 'grading failed'}`, '');
  }
  lines.push(`Score: ${result.score}/${result.max}`, '');
  result.tasks.forEach((task, i) => {
    lines.push(`  ${label[task.status]}  ${i + 1}. ${task.title} (${task.score}/${task.max})`);
    for (const line of task.message.split('\n')) lines.push(`        ${line}`);
  });
  const passed = result.tasks.filter((t) => t.status === 'pass').length;
  const replay = `${result.commands} command${result.commands === 1 ? '' : 's'} replayed, seed ${result.seed}, ${formatDuration(result.virtualMs)} of virtual time`;
  lines.push('', `${passed} of ${result.tasks.length} tasks passed (${replay}).`);
  return `${lines.join('\n')}\n`;
}

/** "1m 05s", "12s", "1h 02m". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
