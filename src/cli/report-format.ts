/** The `--format` choices of `petlab grade` and the reporter behind each. */
import type { LabResult } from '../grading/results.ts';
import { formatJson } from '../grading/reporters/json.ts';
import { formatJunit } from '../grading/reporters/junit.ts';
import { formatText } from '../grading/reporters/text.ts';

export const REPORT_FORMATS = ['text', 'json', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The report of one result in `format`. */
export function formatReport(result: LabResult, format: ReportFormat): string {
  if (format === 'json') return formatJson(result);
  if (format === 'junit') return formatJunit(result);
  return formatText(result);
}

/** File extension for a report in `format`. */
export function reportExtension(format: ReportFormat): string {
  return format === 'json' ? 'json' : format === 'junit' ? 'xml' : 'txt';
}
