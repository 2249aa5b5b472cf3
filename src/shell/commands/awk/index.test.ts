import { describeCases } from '../../testing/cases.ts';

describeCases('awk', [
  ["printf 'alice 30\\nbob 25\\ncarol 35\\n' > people", '', '', 0],
  ["awk '{print $1}' people", 'alice\nbob\ncarol\n', '', 0],
  ["awk '$2 > 28 {print $1, $2}' people", 'alice 30\ncarol 35\n', '', 0],
  ["awk '{s += $2} END {print s, NR, s/NR}' people", '90 3 30\n', '', 0],
  ["awk '/^b/' people", 'bob 25\n', '', 0],
  ["awk -F: -v who=root '$1 == who {print $NF}' /etc/passwd", '/bin/bash\n', '', 0],
  ["awk 'BEGIN {printf \"%-5s|%3d|%.1f\\n\", \"ab\", 7, 2.25}'", 'ab   |  7|2.2\n', '', 0],
  ["awk '{n[$2 > 28]++} END {for (k in n) print k, n[k]}' people", '1 2\n0 1\n', '', 0],
  ["echo 'a-b-c' | awk '{n = split($0, p, \"-\"); print n, p[3], toupper(substr($0, 3)), length($0)}'", '3 c B-C 5\n', '', 0],
  ["awk 'NR==2 {exit 3} {print}' people", 'alice 30\n', '', 3],
  // mawk's yyerror (error.c): a { still open at the end of the program is `missing } near`
  ["awk '{print' people", '', 'awk: line 1: missing } near end of file\n', 2],
  ["awk '{print}' nope", '', 'awk: cannot open nope (No such file or directory)\n', 2],
  ['awk -F', '', 'awk: option -F lacks argument\n', 2],
  ['awk -F: -v x=1', '', '', 0],
]);
