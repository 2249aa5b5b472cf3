import { describeCases } from '../../testing/cases.ts';

describeCases('tr', [
  ['echo hello | tr a-z A-Z', 'HELLO\n', '', 0],
  ['echo hello | tr "[:lower:]" "[:upper:]"', 'HELLO\n', '', 0],
  ['echo "a  b   c" | tr -s " "', 'a b c\n', '', 0],
  ['echo hello | tr -d l', 'heo\n', '', 0],
  ['echo a:b | tr : "\\n"', 'a\nb\n', '', 0],
  ['tr', '', "tr: missing operand\nTry 'tr --help' for more information.\n", 1],
  ['tr a', '', "tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", 1],
]);

// Octal and control escapes, recorded from GNU coreutils 9.1's tr on Debian 12.
describeCases('tr escapes', [
  ["printf 'a\\0b\\0' | tr '\\0' '\\n'", 'a\nb\n', '', 0],
  ["echo abc | tr a '\\101'", 'Abc\n', '', 0],
  ["echo 'a b' | tr ' ' '\\012'", 'a\nb\n', '', 0],
  ["echo abc | tr -d '\\142'", 'ac\n', '', 0],
  ["printf 'x\\0y\\0' | tr '\\000' ' '", 'x y ', '', 0],
]);
