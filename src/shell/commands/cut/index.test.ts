import { describeCases } from '../../testing/cases.ts';

describeCases('cut', [
  ['echo a:b:c:d | cut -d: -f2', 'b\n', '', 0],
  ['echo a:b:c:d | cut -d: -f1,3-', 'a:c:d\n', '', 0],
  ['printf "x\\ty\\n" | cut -f2', 'y\n', '', 0],
  ['echo no-delim | cut -d: -f2', 'no-delim\n', '', 0],
  ['echo no-delim | cut -s -d: -f2', '', '', 0],
  ['echo abcdef | cut -c2-4', 'bcd\n', '', 0],
  ['echo x | cut', '', "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1],
  ['echo x | cut -f0', '', "cut: fields and positions are numbered from 1\nTry 'cut --help' for more information.\n", 1],
  ['echo x | cut -d ab -f1', '', "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", 1],
]);
