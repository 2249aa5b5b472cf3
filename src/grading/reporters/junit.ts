/**
 * JUnit XML as CI test reporters read it (the common "testsuites/testsuite/testcase" schema that
 * GitHub, GitLab and Jenkins accept): one testcase per task; a failed task carries `<failure>`,
 * a skipped one `<skipped>`, and grading that could not run an `<error>` case.
 */
import type { LabResult } from '../results.ts';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values also keep their newlines and tabs, which parsers would otherwise normalize. */
function attr(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * Formats one or more lab results as a JUnit XML document (one testsuite per result). `names`
 * gives the suites' names (e.g. students' names for a class); by default each is the lab id.
 */
export function formatJunit(results: LabResult | LabResult[], names?: readonly string[]): string {
  const list = Array.isArray(results) ? results : [results];
  const count = (r: LabResult) => ({
    tests: r.tasks.length + (r.status === 'error' ? 1 : 0),
    failures: r.tasks.filter((t) => t.status === 'fail').length,
    skipped: r.tasks.filter((t) => t.status === 'skipped').length,
    errors: r.status === 'error' ? 1 : 0,
  });
  const totals = list.map(count).reduce(
    (a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, skipped: a.skipped + b.skipped, errors: a.errors + b.errors }),
    { tests: 0, failures: 0, skipped: 0, errors: 0 },
  );
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="petlab" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="0">`);
  list.forEach((r, index) => {
    const c = count(r);
    out.push(`  <testsuite name="${attr(names?.[index] ?? r.lab.id)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="0">`);
    out.push('    <properties>');
    out.push(`      <property name="title" value="${attr(r.lab.title)}"/>`);
    out.push(`      <property name="score" value="${r.score}/${r.max}"/>`);
    out.push(`      <property name="seed" value="${r.seed}"/>`);
    out.push('    </properties>');
    if (r.status === 'error') {
      const message = r.error ?? 'grading failed';
      out.push(`    <testcase classname="${attr(r.lab.id)}" name="grading" time="0">`);
      out.push(`      <error message="${attr(message)}" type="GradingError">${escapeXml(message)}</error>`);
      out.push('    </testcase>');
    }
    r.tasks.forEach((t, i) => {
      const open = `    <testcase classname="${attr(r.lab.id)}" name="${attr(`${i + 1}. ${t.title}`)}" time="0"`;
      if (t.status === 'pass') {
        out.push(`${open}/>`);
      } else if (t.status === 'fail') {
        out.push(`${open}>`, `      <failure message="${attr(t.message)}" type="CheckFailed">${escapeXml(t.message)}</failure>`, '    </testcase>');
      } else {
        out.push(`${open}>`, `      <skipped message="${attr(t.message)}"/>`, '    </testcase>');
      }
    });
    out.push('  </testsuite>');
  });
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
