import { describe, expect, it } from 'vitest';
import { errorResult } from '../grade.ts';
import { csvField, formatClassCsv, formatClassMarkdown } from './class-summary.ts';
import { sampleResult } from './fixture.ts';

const rows = () => [
  { student: 'alice', result: sampleResult() },
  { student: 'bob, "the builder"', result: errorResult({ id: 'statefulset-identity', title: 'x' }, 'the replay stopped: the commands printed more than 20 bytes of output.') },
];
const order = ['headless-service', 'ordered-pods', 'same-name'];

describe('class summary', () => {
  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', '=SUM(A1)', -3, '-12'].map(csvField)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      "'=SUM(A1)",
      '-3',
      '-12',
    ]);
  });

  it('writes one CSV row per student with per-task scores', () => {
    expect(formatClassCsv(rows(), order)).toBe(
      'student,status,score,max,headless-service,ordered-pods,same-name,error\r\n' +
        'alice,fail,1,4,1,0,0,\r\n' +
        '"bob, ""the builder""",error,0,0,,,,the replay stopped: the commands printed more than 20 bytes of output.\r\n',
    );
  });

  it('writes a Markdown table', () => {
    expect(formatClassMarkdown('StatefulSet | identity', rows(), order)).toBe(`# StatefulSet \\| identity

2 submissions, 0 passed every task.

| Student | Status | Score | headless-service | ordered-pods | same-name | Notes |
| --- | --- | --- | --- | --- | --- | --- |
| alice | fail | 1/4 | pass | fail | skipped |  |
| bob, "the builder" | error | 0/0 | — | — | — | the replay stopped: the commands printed more than 20 bytes of output. |
`);
  });
});
