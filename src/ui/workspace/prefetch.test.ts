import { describe, expect, it } from 'vitest';
import { labBundles } from '../../../labs/index.ts';
import { commandsOf } from './prefetch.ts';

describe('commandsOf', () => {
  it('finds the words that name registered commands, once each, outside comments', () => {
    const script = [
      '# kubectl in a comment is not run',
      'kubectl apply -f web.yaml',
      "sed -i 's/a/b/' web.yaml && kubectl get pods | grep web; nosuchtool --help",
      'x=$(hostname) ; (cd /tmp; ls)',
      '  docker ps # trailing comment: ip',
    ].join('\n');
    // `ps` of `docker ps` too: a word, not a parse (a false hit only loads a small chunk).
    expect(commandsOf(script)).toEqual(['kubectl', 'sed', 'grep', 'hostname', 'cd', 'ls', 'docker', 'ps']);
    // Paths, options and assignments are not commands.
    expect(commandsOf('cat /usr/bin/ls --sort=ls x=ls ./ls ls.txt')).toEqual(['cat']);
  });

  it('reads what each lab’s reference solution runs', () => {
    expect(Object.fromEntries(labBundles.map((b) => [b.lab.id, commandsOf(b.solution)]))).toEqual({
      'pid-namespaces': ['unshare', 'bash', 'echo', 'hostname', 'ps', 'readlink', 'lsns'],
      'statefulset-identity': ['kubectl', 'sed', 'sh', 'hostname', 'cat'],
      // bridge (of `--driver bridge`) is iproute2's bridge command: a false hit, harmless
      'user-defined-bridge-dns': ['docker', 'bridge', 'ping'],
    });
  });
});
