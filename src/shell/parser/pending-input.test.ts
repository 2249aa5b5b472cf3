import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from './parser.ts';
import { PendingInput } from './pending-input.ts';

/** The answer PendingInput must give after each line: a full parse of all lines so far. */
function fullParseStates(lines: string[]): string[] {
  return lines.map((_, i) => (parse(`${lines.slice(0, i + 1).join('\n')}\n`).kind === 'incomplete' ? 'incomplete' : 'complete'));
}

function pendingStates(lines: string[]): string[] {
  const pending = new PendingInput(lines[0]);
  const states = [pending.state as string];
  for (const line of lines.slice(1)) states.push(pending.add(line));
  return states;
}

describe('PendingInput', () => {
  it('needs more lines until each here-document delimiter arrives, in order', () => {
    const lines = ['cat <<A <<-B | wc -l', 'one', 'B', 'A', 'two', '\t\tB', 'echo after'];
    expect(pendingStates(lines)).toEqual(['incomplete', 'incomplete', 'incomplete', 'incomplete', 'incomplete', 'complete', 'complete']);
    expect(pendingStates(lines)).toEqual(fullParseStates(lines));
  });

  it('parses again once the here-documents end inside a construct still open', () => {
    const lines = ['if true; then cat <<EOF', 'body', 'EOF', 'echo x', 'fi'];
    expect(pendingStates(lines)).toEqual(['incomplete', 'incomplete', 'incomplete', 'incomplete', 'complete']);
  });

  it('adds commands to an open compound command and text to an open quote without losing track', () => {
    const loop = ['while read x; do', 'echo a', 'b=2 c', '# note', 'printf "%s" "$x"', 'done < /dev/null'];
    expect(pendingStates(loop)).toEqual(['incomplete', 'incomplete', 'incomplete', 'incomplete', 'incomplete', 'complete']);
    const quoted = ["echo 'one", 'two "three" $four', "five'"];
    expect(pendingStates(quoted)).toEqual(['incomplete', 'incomplete', 'complete']);
    const arms = ['case $1 in', 'a)', 'echo a', 'echo b;;', 'esac'];
    expect(pendingStates(arms)).toEqual(fullParseStates(arms));
    const bad = ['if true; then', 'echo a', ')'];
    expect(pendingStates(bad)).toEqual(['incomplete', 'incomplete', 'complete']);
  });

  it('keeps the text as typed', () => {
    const pending = new PendingInput('cat <<EOF');
    pending.add('a $x');
    pending.add('EOF');
    expect([pending.text, pending.lineCount, pending.state]).toEqual(['cat <<EOF\na $x\nEOF', 3, 'complete']);
  });

  it('answers as a full parse would, line by line (property)', () => {
    const piece = fc.constantFrom(
      'cat <<EOF',
      'cat <<-EOF',
      "cat <<'E O'",
      'cat <<A <<B',
      'EOF',
      '\tEOF',
      'E O',
      'A',
      'B',
      'echo hi',
      'if true; then',
      'fi',
      'for i in 1 2',
      'do',
      'done',
      'echo "open',
      'close"',
      "it's",
      'f() {',
      '}',
      'x | \\',
      ')',
      '',
      'case a in',
      'a) echo;;',
      'b)',
      'esac',
      'while true; do',
      'echo a | wc -l; x=1',
      'for j in a; do echo $j; done',
      '{ echo; }',
      '(',
      'echo $(date',
      'echo `date',
      '`',
      'x="$HOME',
      "echo $'a\\'",
      'echo \\"',
      'then',
      'else',
      '# comment',
      'echo a &&',
      'done; echo "',
      "if x; then echo 'y",
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (lines) => {
        expect(pendingStates(lines)).toEqual(fullParseStates(lines));
      }),
      { numRuns: 1500 },
    );
  });
});
