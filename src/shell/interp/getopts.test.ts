/**
 * `getopts` as bash 5.2 builtins/getopts.def (dogetopts: OPTIND set after every call, OPTARG
 * unset at the end and for errors outside silent mode, name `?` at the end) and builtins/getopt.c
 * (sh_getopt: `--` ends and is skipped, `-` ends and is not; an argument from the rest of the word
 * or the next one; messages `$0: illegal option -- x` and `$0: option requires an argument -- x`,
 * $0 being `-bash` in this login shell). Assigning OPTIND=1 restarts the scan (variables.c sv_optind).
 */
import { describe } from 'vitest';
import { describeCases } from '../testing/cases.ts';

describe('getopts', () => {
  describeCases('getopts', [
    ['while getopts ab:c o -a -b x -cb y rest; do echo "$o ${OPTARG-unset} $OPTIND"; done; echo "end $o $OPTIND ${OPTARG-unset}"', 'a unset 2\nb x 4\nc unset 4\nb y 6\nend ? 6 unset\n', '', 0],
    ['OPTIND=1; set -- -x -- -y; while getopts x o; do echo $o; done; shift $((OPTIND-1)); echo "$OPTIND $*"', 'x\n3 -y\n', '', 0],
    ['OPTIND=1; getopts a o -z; echo "$? $o ${OPTARG-unset} $OPTIND"', '0 ? unset 2\n', '-bash: illegal option -- z\n', 0],
    ['OPTIND=1; getopts :a o -z; echo "$? $o ${OPTARG-unset} $OPTIND"', '0 ? z 2\n', '', 0],
    ['OPTIND=1; getopts a: o -a; echo "$? $o ${OPTARG-unset} $OPTIND"', '0 ? unset 2\n', '-bash: option requires an argument -- a\n', 0],
    ['OPTIND=1; getopts :a: o -a; echo "$? $o ${OPTARG-unset} $OPTIND"', '0 : a 2\n', '', 0],
    ['OPTIND=1; getopts a o - x; echo "$? $o $OPTIND"; OPTIND=1; getopts a o x; echo "$? $o $OPTIND"', '1 ? 1\n1 ? 1\n', '', 0],
    ['f() { local OPTIND=1 o; while getopts n: o; do echo "n=$OPTARG"; done; shift $((OPTIND-1)); echo "rest $*"; }; f -n 3 a b; f -n4 c', 'n=3\nrest a b\nn=4\nrest c\n', '', 0],
    ['getopts a', '', 'getopts: usage: getopts optstring name [arg ...]\n', 2],
    ['OPTIND=1; getopts a 1x -a', '', "bash: getopts: `1x': not a valid identifier\n", 1],
  ]);
});
