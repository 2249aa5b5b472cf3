/**
 * docker/cli's formatter: `table …` formats get a header row and tab alignment, other formats
 * print one rendered template per item; `\t` and `\n` written literally in a format become tab
 * and newline, as docker/cli does before parsing.
 */
import { parseTemplate, executeTemplate, goJson } from './go-template.ts';
import { tabwrite } from './tabwriter.ts';

/**
 * Renders rows with a format. `headers` maps field names to column titles. Throws TemplateError
 * for a bad template (callers print it).
 */
export function renderRows(format: string, rows: Record<string, unknown>[], headers: Record<string, string>): string {
  const isTable = format.startsWith('table');
  let src = isTable ? format.slice(5).trimStart() : format;
  src = src.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  if (src.trim() === '{{json .}}' || src.trim() === '{{ json . }}') {
    return rows.map((r) => `${goJson(sortKeys(r))}\n`).join('');
  }
  const nodes = parseTemplate(src);
  if (!isTable) return rows.map((r) => `${executeTemplate(nodes, r)}\n`).join('');
  const headerRow = executeTemplate(nodes, headers);
  const lines = [headerRow, ...rows.map((r) => executeTemplate(nodes, r))];
  return tabwrite(lines.map((l) => l.split('\t')));
}

function sortKeys(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]]));
}
