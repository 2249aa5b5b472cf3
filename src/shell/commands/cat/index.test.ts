import { describeCases } from '../../testing/cases.ts';

describeCases('cat', [
  ["printf 'one\\n\\n\\ntwo\\n' > f", '', '', 0],
  ['cat f', 'one\n\n\ntwo\n', '', 0],
  ['cat -n f', '     1\tone\n     2\t\n     3\t\n     4\ttwo\n', '', 0],
  ['cat -b f', '     1\tone\n\n\n     2\ttwo\n', '', 0],
  ['cat -s f', 'one\n\ntwo\n', '', 0],
  ['cat -E f', 'one$\n$\n$\ntwo$\n', '', 0],
  ['cat', 'piped\n', '', 0, 'piped\n'],
  ['cat f - f', 'one\n\n\ntwo\nmid\none\n\n\ntwo\n', '', 0, 'mid\n'],
  ['cat nope', '', 'cat: nope: No such file or directory\n', 1],
  ['cat /etc', '', 'cat: /etc: Is a directory\n', 1],
  ['cat -z', '', "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n", 1],
]);
