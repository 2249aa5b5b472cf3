import { describeCases } from '../../testing/cases.ts';

describeCases('sort', [
  ["printf 'b 2\\na 10\\nc 1\\na 10\\n' > f", '', '', 0],
  ['sort f', 'a 10\na 10\nb 2\nc 1\n', '', 0],
  ['sort -r f', 'c 1\nb 2\na 10\na 10\n', '', 0],
  ['sort -u f', 'a 10\nb 2\nc 1\n', '', 0],
  ['sort -k2 -n f', 'c 1\nb 2\na 10\na 10\n', '', 0],
  ["printf '10\\n9\\n100\\n' | sort -n", '9\n10\n100\n', '', 0],
  ["printf 'x:3\\ny:1\\n' | sort -t: -k2", 'y:1\nx:3\n', '', 0],
  ['sort nope', '', 'sort: cannot read: nope: No such file or directory\n', 2],
  ['sort /etc', '', 'sort: read failed: /etc: Is a directory\n', 2],
]);
