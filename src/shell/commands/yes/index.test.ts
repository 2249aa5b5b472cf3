// yes (coreutils 9.1): texts from its usage() and the standard --version block; a pipe's reader
// that exits ends it as SIGPIPE does; a reader that does not read holds it (pipe capacity).
import { describeCases } from '../../testing/cases.ts';

describeCases('yes', [
  ['yes | head -3', 'y\ny\ny\n', '', 0],
  ['yes a  b | head -2', 'a b\na b\n', '', 0],
  ['yes -- -n | head -1', '-n\n', '', 0],
  ['yes - | head -1', '-\n', '', 0],
  ['yes | sleep 1; echo $?', '0\n', '', 0],
  ['yes | { sleep 1; head -2; }', 'y\ny\n', '', 0],
  ['yes -n', '', "yes: invalid option -- 'n'\nTry 'yes --help' for more information.\n", 1],
  ['yes --nope', '', "yes: unrecognized option '--nope'\nTry 'yes --help' for more information.\n", 1],
  ['yes --help | head -3', "Usage: yes [STRING]...\n  or:  yes OPTION\nRepeatedly output a line with all specified STRING(s), or 'y'.\n", '', 0],
  ['yes --version | head -1', 'yes (GNU coreutils) 9.1\n', '', 0],
  ['which yes', '/usr/bin/yes\n', '', 0],
]);
