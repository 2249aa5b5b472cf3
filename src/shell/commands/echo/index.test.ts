import { describeCases } from '../../testing/cases.ts';

describeCases('echo', [
  ['echo hello   world', 'hello world\n', '', 0],
  ['echo -n no newline', 'no newline', '', 0],
  ['echo -e "a\\tb\\nc"', 'a\tb\nc\n', '', 0],
  ['echo "a\\tb"', 'a\\tb\n', '', 0],
  ['echo -e "stop\\chere"', 'stop', '', 0],
  ['echo -x', '-x\n', '', 0],
  ['echo', '\n', '', 0],
]);
