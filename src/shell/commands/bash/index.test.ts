import { describeCases } from '../../testing/cases.ts';

describeCases('bash', [
  ["bash -c 'echo $0 $1 $#' name a b", 'name a 2\n', '', 0],
  ["sh -c 'exit 3'; echo $?", '3\n', '', 0],
  ["X=1; bash -c 'echo [$X]'", '[]\n', '', 0],
  ['bash -c', '', 'bash: -c: option requires an argument\n', 2],
  ['bash /nope.sh', '', 'bash: /nope.sh: No such file or directory\n', 127],
  ['bash --frob', '', 'bash: --frob: invalid option\n', 2],
  ['echo "echo from stdin" | bash', 'from stdin\n', '', 0],
]);
