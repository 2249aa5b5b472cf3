import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isGradingError } from './errors.ts';
import { parseSubmission, submissionScript, SUBMISSION_LIMITS } from './submission.ts';

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isGradingError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected an error');
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseSubmission', () => {
  it('accepts the format the lab page downloads', () => {
    const s = parseSubmission(bytes(JSON.stringify({ version: 1, lab: 'pid-namespaces', commands: ['hostname', 'ps'], files: { 'a.txt': 'x' } })));
    expect(s).toEqual({ version: 1, lab: 'pid-namespaces', commands: ['hostname', 'ps'], files: { 'a.txt': 'x' } });
    expect(submissionScript(s)).toBe('hostname\nps\n');
    const h = parseSubmission('{"version":1,"lab":"x","seed":7,"commands":"cat <<EOF\\nhi\\nEOF"}');
    expect(h.files).toEqual({});
    expect(submissionScript(h)).toBe('cat <<EOF\nhi\nEOF\n');
    expect(submissionScript(parseSubmission('{"version":1,"lab":"x","commands":"ls\\r\\npwd\\r\\n"}'))).toBe('ls\npwd\n');
  });

  it('rejects unknown fields and wrong types with every problem listed', () => {
    expect(errorOf(() => parseSubmission('{"version":2,"lab":"x","commands":[1],"extra":{}}', 'alice.json'))).toBe(
      [
        'INVALID_SUBMISSION: Invalid submission in alice.json:',
        '  - (root): unknown field "extra"',
        '    Fix: remove it; a submission has only version, lab, seed, commands and files.',
        '  - commands[0]: expected a string, received a number (1)',
        '    Fix: give "commands" as a list of command lines, or as one text with a command per line.',
        '  - version: expected one of 1, received a number (2)',
        '    Fix: set "version": 1.',
      ].join('\n'),
    );
  });

  it('describes a history text of the wrong type', () => {
    expect(errorOf(() => parseSubmission('{"version":1,"lab":"x","commands":{"a":1}}', 'c.json'))).toBe(
      [
        'INVALID_SUBMISSION: Invalid submission in c.json:',
        '  - commands: not any of the accepted forms, received an object',
        '    Fix: give "commands" as a list of command lines, or as one text with a command per line.',
      ].join('\n'),
    );
  });

  it('rejects invalid JSON, invalid UTF-8, deep nesting and oversized input', () => {
    expect(errorOf(() => parseSubmission('{"version":1,', 'bob.json'))).toMatch(/^INVALID_SUBMISSION: bob\.json is not valid JSON: /);
    expect(errorOf(() => parseSubmission(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'bob.json'))).toBe(
      'INVALID_SUBMISSION: bob.json is not valid UTF-8 text (bad byte at offset 2); save it as UTF-8 JSON.',
    );
    expect(errorOf(() => parseSubmission('['.repeat(100_000) + ']'.repeat(100_000), 'deep.json'))).toBe(
      'INVALID_SUBMISSION: deep.json is nested 100000 levels deep; a submission needs at most 8.',
    );
    const huge = new Uint8Array(SUBMISSION_LIMITS.maxBytes + 1).fill(0x20);
    expect(errorOf(() => parseSubmission(huge, 'huge.json'))).toBe(
      'SUBMISSION_TOO_LARGE: huge.json is 1048577 bytes; the grader accepts at most 1048576 bytes.',
    );
    const tooMany = JSON.stringify({ version: 1, lab: 'x', commands: Array(SUBMISSION_LIMITS.maxCommands + 1).fill('ls') });
    expect(errorOf(() => parseSubmission(tooMany, 'many.json'))).toMatch(/^INVALID_SUBMISSION: Invalid submission in many\.json:\n {2}- commands: /);
  });

  it('takes a history text up to the document bound (a here-document of a whole file), names what is too big', () => {
    const body = 'x'.repeat(79).concat('\n').repeat(11_000);
    const big = parseSubmission(JSON.stringify({ version: 1, lab: 'x', commands: `cat <<'EOF' > big.txt\n${body}EOF\n` }));
    expect(submissionScript(big).length).toBe(880_026);
    expect(errorOf(() => parseSubmission(JSON.stringify({ version: 1, lab: 'x', commands: ['x'.repeat(SUBMISSION_LIMITS.maxCommandLength + 1)] }), 'long.json'))).toBe(
      [
        'INVALID_SUBMISSION: Invalid submission in long.json:',
        '  - commands[0]: too big: expected string to have <=65536 characters, received a string ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")',
        '    Fix: shorten it: this is past what the grader accepts.',
      ].join('\n'),
    );
  });

  it('names the seed\'s range once', () => {
    for (const seed of ['1e300', '-1', '1.5', '"7"']) {
      expect(errorOf(() => parseSubmission(`{"version":1,"lab":"x","seed":${seed},"commands":[]}`, 's.json'))).toBe(
        `INVALID_SUBMISSION: Invalid submission in s.json:\n  - seed: ${seed === '"7"' ? 'expected a number, received a string ("7")' : 'expected a whole number from 0 to 4294967295'}`,
      );
    }
  });

  it('never throws anything but a GradingError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.json(), fc.string()), (input) => {
        try {
          parseSubmission(input);
        } catch (error) {
          expect(isGradingError(error)).toBe(true);
        }
      }),
    );
  });
});
