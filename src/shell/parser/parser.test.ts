import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from './parser.ts';

const errorOf = (src: string) => {
  const r = parse(`${src}\n`);
  return r.kind === 'error' ? r.message : r.kind;
};

describe('parse', () => {
  it('reports syntax errors in bash words', () => {
    expect(errorOf('| x')).toBe("bash: syntax error near unexpected token `|'");
    expect(errorOf('echo >')).toBe("bash: syntax error near unexpected token `newline'");
    expect(errorOf('fi')).toBe("bash: syntax error near unexpected token `fi'");
    expect(errorOf(')')).toBe("bash: syntax error near unexpected token `)'");
    expect(errorOf('echo a;; b')).toBe("bash: syntax error near unexpected token `;;'");
    expect(errorOf('if true; then fi')).toBe("bash: syntax error near unexpected token `fi'");
    expect(errorOf('for 1x in a; do :; done')).toBe("bash: `1x': not a valid identifier");
  });

  it('says incomplete where an interactive shell would prompt with PS2', () => {
    for (const src of ['echo |', 'true &&', "echo 'a", 'echo "a', 'if true; then', 'for i in 1; do', 'while true', 'cat <<EOF', 'cat <<EOF\nline', 'case x in', 'f() {', 'echo $(ls', 'echo a\\']) {
      expect([src, parse(`${src}\n`).kind]).toEqual([src, 'incomplete']);
    }
  });

  it('parses here-document bodies from the following lines', () => {
    const r = parse('cat <<EOF | wc -l\na $x\n\tb\nEOF\n');
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const cmd = r.program.items[0].node.first.commands[0];
    expect(cmd.type === 'simple' && cmd.redirs[0].heredoc).toEqual({ body: 'a $x\n\tb\n', quoted: false, delimiter: 'EOF' });
    const strip = parse("cat <<-'END'\n\tx\n\tEND\n");
    expect(strip.kind === 'ok' && strip.program.items[0].node.first.commands[0]).toMatchObject({ redirs: [{ heredoc: { body: 'x\n', quoted: true, delimiter: 'END' } }] });
  });

  it('ends an unterminated here-document at the end of a final text, with bash’s warning', () => {
    const r = parse('cat <<EOF\nhello\n', { final: true });
    expect(r.kind === 'ok' && r.warnings).toEqual(["bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')"]);
    const typed = parse('cat <<EOF\nhello\n', { final: true, interactive: true, firstLine: 7 });
    expect(typed.kind === 'ok' && typed.warnings).toEqual(["bash: warning: here-document at line 7 delimited by end-of-file (wanted `EOF')"]);
  });

  it('turns a final unterminated quote into bash’s two messages', () => {
    expect(parse("echo 'x", { final: true })).toEqual({ kind: 'error', message: "bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file" });
  });

  it('keeps quoting structure in words', () => {
    const r = parse(`echo "a $b" 'c' \\d $(e) \${f:-g} $((1+2))\n`);
    expect(r.kind === 'ok' && r.program.items[0].node.first.commands[0]).toMatchObject({
      words: [
        { parts: [{ type: 'lit', text: 'echo', quoted: false }] },
        { parts: [{ type: 'dq', parts: [{ type: 'lit', text: 'a ', quoted: true }, { type: 'param', name: 'b' }] }] },
        { parts: [{ type: 'lit', text: 'c', quoted: true }] },
        { parts: [{ type: 'lit', text: 'd', quoted: true }] },
        { parts: [{ type: 'cmd', source: 'e' }] },
        { parts: [{ type: 'param', name: 'f', op: ':-', arg: { parts: [{ type: 'lit', text: 'g', quoted: false }] } }] },
        { parts: [{ type: 'arith', expr: '1+2' }] },
      ],
    });
  });

  it('never throws, whatever the input', () => {
    const alphabet = fc.constantFrom(...'ab $\'"`\\|&;<>(){}[]#*?~=!-\n\t0123456789ifthenfidoneforcaseesacwhile'.split(''), 'if ', 'then ', 'fi', 'for ', ' in ', 'do ', 'done', 'case ', 'esac', '<<EOF\n', 'EOF\n', '$(', '${', '$((', '))', ';;');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.boolean(), (pieces, final) => {
        const r = parse(pieces.join(''), { final });
        expect(['ok', 'incomplete', 'error']).toContain(r.kind);
        if (r.kind === 'error') expect(r.message).toMatch(/^bash: /);
        if (final) expect(r.kind).not.toBe('incomplete');
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => {
      expect(() => parse(s)).not.toThrow();
    }), { numRuns: 2000 });
  }, 60_000); // 5,000 runs: ~1 s alone, past vitest's 5 s default on a loaded 2-core CI
});
