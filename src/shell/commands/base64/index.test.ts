import { describeCases } from '../../testing/cases.ts';

describeCases('base64', [
  ['echo hello | base64', 'aGVsbG8K\n', '', 0],
  ['echo aGVsbG8K | base64 -d', 'hello\n', '', 0],
  ['printf "é" | base64', 'w6k=\n', '', 0],
  ['seq 30 | base64 -w 20', 'MQoyCjMKNAo1CjYKNwo4\nCjkKMTAKMTEKMTIKMTMK\nMTQKMTUKMTYKMTcKMTgK\nMTkKMjAKMjEKMjIKMjMK\nMjQKMjUKMjYKMjcKMjgK\nMjkKMzAK\n', '', 0],
  ['echo "not base64!" | base64 -d', '', 'base64: invalid input\n', 1],
  ['base64 /nope', '', 'base64: /nope: No such file or directory\n', 1],
]);
