import { describe, expect, it } from 'vitest';
import { testShell } from '../testing/run.ts';

// bash 5.2 make_cmd.c make_here_document: internal_warning("here-document at line %d delimited
// by end-of-file (wanted `%s')", lineno, redir_word); error.c error_prolog adds "line N: " (where
// the input ran out) in a non-interactive shell. The line pairs below are the ones measured on
// bash 5.2 and recorded with Oils' heredoc-eof-warning corpus (the last line read when the body
// began / when the input ended; a text ending in a newline has not read the line after it).
const run = async (script: string) => testShell().run(`bash -c '${script}'`);
/** The same, stderr into stdout: the order on a terminal. */
const merged = async (script: string) => testShell().run(`bash -c '${script}' 2>&1`);

describe('a here-document cut off by the end of the input', () => {
  it('bash -c: warns with both line numbers and runs the command with the body it got', async () => {
    expect(await run('cat <<EOF\nbody')).toEqual({ stdout: 'body\n', stderr: "bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", status: 0 });
    expect(await run('cat <<EOF\nbody\n')).toEqual({ stdout: 'body\n', stderr: "bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", status: 0 });
    expect(await run('echo hi\necho ho\ncat <<EOF')).toEqual({ stdout: 'hi\nho\n', stderr: "bash: line 3: warning: here-document at line 3 delimited by end-of-file (wanted `EOF')\n", status: 0 });
    expect(await run('cat <<EOF\nbody\nEOF\ncat <<X\nmore')).toEqual({ stdout: 'body\nmore\n', stderr: "bash: line 5: warning: here-document at line 4 delimited by end-of-file (wanted `X')\n", status: 0 });
  });

  it('bash -c: two here-documents on one line, one or both cut off', async () => {
    expect(await run('cat <<A <<B\none\nA\ntwo')).toEqual({ stdout: 'two\n', stderr: "bash: line 4: warning: here-document at line 3 delimited by end-of-file (wanted `B')\n", status: 0 });
    expect(await run('cat <<A <<B\none')).toEqual({
      stdout: '',
      stderr:
        "bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `A')\n" +
        "bash: line 2: warning: here-document at line 2 delimited by end-of-file (wanted `B')\n",
      status: 0,
    });
  });

  it('bash -c: the warning comes as bash reads the line, after what earlier lines printed', async () => {
    const warn = (at: number, line: number) => `bash: line ${at}: warning: here-document at line ${line} delimited by end-of-file (wanted \`EOF')\n`;
    expect(await merged('echo hi\ncat <<EOF\nbody')).toEqual({ stdout: `hi\n${warn(3, 2)}body\n`, stderr: '', status: 0 });
    // a line is read whole before any of it runs
    expect(await merged('echo hi\necho one; cat <<EOF\nbody')).toEqual({ stdout: `hi\n${warn(3, 2)}one\nbody\n`, stderr: '', status: 0 });
    expect(await merged('echo hi; echo one; cat <<EOF')).toEqual({ stdout: `${warn(1, 1)}hi\none\n`, stderr: '', status: 0 });
  });

  it('petlab shell --script (typed at the prompt): the interactive form, lines counted from the start', async () => {
    const sh = testShell();
    expect(await sh.script('echo a\nif true; then\necho b\nfi\ncat <<-END | wc -l\n\tone\n\ttwo\n')).toEqual({
      transcript: "$ echo a\na\n$ if true; then\n> echo b\n> fi\nb\n$ cat <<-END | wc -l\n> \tone\n> \ttwo\nbash: warning: here-document at line 5 delimited by end-of-file (wanted `END')\n2\n",
      status: 0,
    });
  });
});
