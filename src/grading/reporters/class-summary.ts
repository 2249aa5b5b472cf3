/**
 * The class summary of `petlab grade --dir`: one row per student with the total and each task's
 * score, as CSV (RFC 4180 quoting) and as a Markdown table.
 */
import type { LabResult } from '../results.ts';

export interface StudentResult {
  /** The submission's file or folder name, without extension. */
  student: string;
  result: LabResult;
}

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would make spreadsheets run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function taskIds(rows: readonly StudentResult[], taskOrder: readonly string[]): string[] {
  return taskOrder.length > 0 ? [...taskOrder] : [...new Set(rows.flatMap((r) => r.result.tasks.map((t) => t.id)))];
}

/** CSV: student,status,score,max,<task ids…>,error — one line per student, CRLF line ends. */
export function formatClassCsv(rows: readonly StudentResult[], taskOrder: readonly string[] = []): string {
  const ids = taskIds(rows, taskOrder);
  const lines = [['student', 'status', 'score', 'max', ...ids, 'error'].map(csvField).join(',')];
  for (const { student, result } of rows) {
    const byId = new Map(result.tasks.map((t) => [t.id, t]));
    const cells = ids.map((id) => byId.get(id)?.score ?? '');
    lines.push([student, result.status, result.score, result.max, ...cells, result.error ?? ''].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table: Student | Status | Score | one column per task (pass/fail/skip) | Notes. */
export function formatClassMarkdown(labTitle: string, rows: readonly StudentResult[], taskOrder: readonly string[] = []): string {
  const ids = taskIds(rows, taskOrder);
  const passed = rows.filter((r) => r.result.status === 'pass').length;
  const lines = [
    `# ${mdCell(labTitle)}`,
    '',
    `${rows.length} submission${rows.length === 1 ? '' : 's'}, ${passed} passed every task.`,
    '',
    `| Student | Status | Score | ${ids.map(mdCell).join(' | ')} | Notes |`,
    `| --- | --- | --- | ${ids.map(() => '---').join(' | ')} | --- |`,
  ];
  for (const { student, result } of rows) {
    const byId = new Map(result.tasks.map((t) => [t.id, t]));
    const cells = ids.map((id) => byId.get(id)?.status ?? '—');
    const notes = result.error ?? '';
    lines.push(`| ${mdCell(student)} | ${result.status} | ${result.score}/${result.max} | ${cells.join(' | ')} | ${mdCell(notes)} |`);
  }
  return `${lines.join('\n')}\n`;
}
