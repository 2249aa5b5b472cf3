import { describe, expect, it } from 'vitest';
import { sampleResult } from './fixture.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatDuration, formatText } from './text.ts';
import { parseXml, type XmlElement } from './xml-parse.ts';

describe('text reporter', () => {
  it('prints the score and one block per task', () => {
    expect(formatText(sampleResult())).toBe(`Lab: StatefulSet <identity> & "DNS" (statefulset-identity)
Score: 1/4

  PASS  1. Create the headless Service (1/1)
        Service nginx is headless (clusterIP: None)
  FAIL  2. Start web-0..2 in order (0/2)
        3 replicas wanted, 2 Ready: web-2 is Pending
        see 'kubectl describe pod web-2' & <events>
  SKIP  3. Delete a pod (0/1)
        not checked: first complete "Start web-0..2 in order"

1 of 3 tasks passed (12 commands replayed, seed 1, 1m 05s of virtual time).
`);
  });

  it('shows a grading error first', () => {
    const r = { ...sampleResult(), status: 'error' as const, error: 'the replay went past 2000 commands', tasks: [], score: 0, max: 0 };
    expect(formatText(r)).toBe(`Lab: StatefulSet <identity> & "DNS" (statefulset-identity)
Error: the replay went past 2000 commands

Score: 0/0


0 of 0 tasks passed (12 commands replayed, seed 1, 1m 05s of virtual time).
`);
  });

  it('formats durations', () => {
    expect([0, 12_400, 65_000, 3_720_000].map(formatDuration)).toEqual(['0s', '12s', '1m 05s', '1h 02m']);
  });
});

describe('JSON reporter', () => {
  it('writes ordered per-task records with status, message and score', () => {
    expect(JSON.parse(formatJson(sampleResult()))).toEqual({
      version: 3,
      status: 'fail',
      lab: 'statefulset-identity',
      score: 1,
      max_score: 4,
      tests: [
        { name: 'Create the headless Service', task_id: 'headless-service', status: 'pass', message: 'Service nginx is headless (clusterIP: None)', score: 1, max_score: 1 },
        { name: 'Start web-0..2 in order', task_id: 'ordered-pods', status: 'fail', message: "3 replicas wanted, 2 Ready: web-2 is Pending\nsee 'kubectl describe pod web-2' & <events>", score: 0, max_score: 2 },
        { name: 'Delete a pod', task_id: 'same-name', status: 'skipped', message: 'not checked: first complete "Start web-0..2 in order"', score: 0, max_score: 1 },
      ],
    });
  });
});

const child = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

describe('JUnit reporter', () => {
  it('writes well-formed XML in the common testsuites/testsuite/testcase schema', () => {
    const xml = formatJunit(sampleResult());
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({ name: 'petlab', tests: '3', failures: '1', errors: '0', skipped: '1', time: '0' });
    const [suite] = child(root, 'testsuite');
    expect(suite.attributes.name).toBe('statefulset-identity');
    const props = child(child(suite, 'properties')[0], 'property').map((p) => [p.attributes.name, p.attributes.value]);
    expect(props).toEqual([['title', 'StatefulSet <identity> & "DNS"'], ['score', '1/4'], ['seed', '1']]);
    const cases = child(suite, 'testcase');
    expect(cases.map((c) => [c.attributes.name, c.children.map((x) => x.name)])).toEqual([
      ['1. Create the headless Service', []],
      ['2. Start web-0..2 in order', ['failure']],
      ['3. Delete a pod', ['skipped']],
    ]);
    const failure = cases[1].children[0];
    const message = "3 replicas wanted, 2 Ready: web-2 is Pending\nsee 'kubectl describe pod web-2' & <events>";
    expect(failure.attributes).toEqual({ message, type: 'CheckFailed' });
    expect(failure.text).toBe(message);
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const r = sampleResult();
    r.tasks[1].message = 'bad \u0001 byte ]]> <x> &amp;';
    const failure = parseXml(formatJunit(r)).children[0].children.filter((c) => c.name === 'testcase')[1].children[0];
    expect(failure.text).toBe('bad \uFFFD byte ]]> <x> &amp;');
  });

  it('reports a grading error as an <error> case and sums several suites', () => {
    const broken = { ...sampleResult(), status: 'error' as const, error: 'too many commands', tasks: [] };
    const root = parseXml(formatJunit([sampleResult(), broken], ['alice', 'bob']));
    expect(child(root, 'testsuite').map((s) => s.attributes.name)).toEqual(['alice', 'bob']);
    expect(root.attributes).toEqual({ name: 'petlab', tests: '4', failures: '1', errors: '1', skipped: '1', time: '0' });
    const errorCase = child(child(root, 'testsuite')[1], 'testcase')[0];
    expect(errorCase.children[0]).toEqual({ name: 'error', attributes: { message: 'too many commands', type: 'GradingError' }, children: [], text: 'too many commands' });
  });
});
