/**
 * Completion at a continuation (PS2) prompt, as bash 5.2's bashline.c attempt_shell_completion
 * decides it: the line's first word is a command only where the parser is at a command
 * position (parser_in_command_position: after a newline that ended a command, or `|`/`&&`/`;`
 * before a backslash-newline); programmable completion (kubectl, docker, ip completion scripts)
 * runs only at PS1, so at PS2 arguments complete as file names.
 */
import { describe, expect, it } from 'vitest';
import { continuesAtCommand } from './continuation.ts';
import { createCompleter, type CompletionSources, type DirEntry } from './index.ts';

const tree: Record<string, DirEntry[]> = {
  '/': [
    { name: 'usr', isDir: true },
    { name: 'etc', isDir: true },
  ],
  '/root': [
    { name: 'kube.yaml', isDir: false },
    { name: 'pods', isDir: true },
  ],
};

const sources: CompletionSources = {
  commands: () => ['cat', 'echo', 'kubectl', 'ls'],
  cwd: () => '/root',
  home: () => '/root',
  listDir: (path) => tree[path],
  kubeNames: () => ['pod-a'],
};

const complete = (line: string, continues: string) => {
  const r = createCompleter(sources).complete({ line, cursor: line.length, continues });
  if (r instanceof Promise) throw new Error('sync expected');
  return r.candidates;
};

describe('continuesAtCommand', () => {
  it('is true after a newline that ends a command or a list head, false inside quotes, here-documents and continued words', () => {
    const cases: [string, boolean][] = [
      ['for f in /et', true],
      ['if true; then', true],
      ['while read l', true],
      ['ls |', true],
      ['ls &&', true],
      ['ls | \\', true],
      ['echo a \\', false],
      ['echo a\\\\', true],
      ["echo 'abc", false],
      ['echo "abc', false],
      ['cat <<EOF', false],
      ['cat <<EOF\nline one', false],
    ];
    expect(cases.map(([text]) => [text, continuesAtCommand(text)])).toEqual(cases);
  });
});

describe('completion at PS2', () => {
  it('completes the first word as a command after `for f in /et`, and a path there as a path', () => {
    expect(complete('ku', 'for f in /et')).toEqual(['kubectl']);
    expect(complete('/us', 'for f in /et')).toEqual(['/usr/']);
    expect(complete('echo x; ku', 'echo "a')).toEqual(['kubectl']);
  });

  it('completes file names, not commands, inside a quote or a here-document body or a continued word', () => {
    expect(complete('ku', "echo 'abc")).toEqual(['kube.yaml']);
    expect(complete('ku', 'cat <<EOF')).toEqual(['kube.yaml']);
    expect(complete('ku', 'echo a \\')).toEqual(['kube.yaml']);
  });

  it('does not run kubectl completion at PS2 (bash runs programmable completion only at PS1)', () => {
    expect(complete('kubectl get po', 'for f in a')).toEqual(['pods/']);
    expect(createCompleter(sources).complete({ line: 'kubectl get po', cursor: 14 })).toMatchObject({ candidates: ['po', 'pod', 'pods'] });
  });
});
