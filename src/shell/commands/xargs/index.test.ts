import { describeCases } from '../../testing/cases.ts';

describeCases('xargs', [
  ['echo a b c | xargs', 'a b c\n', '', 0],
  ['echo a b c | xargs -n 2 echo x', 'x a b\nx c\n', '', 0],
  ["printf 'one\\ntwo\\n' | xargs -I {} echo item-{}", 'item-one\nitem-two\n', '', 0],
  ['echo "\'quoted arg\' plain" | xargs -n1', 'quoted arg\nplain\n', '', 0],
  ['echo /nope | xargs ls', '', "ls: cannot access '/nope': No such file or directory\n", 123],
  ['echo x | xargs nosuchcmd', '', 'bash: nosuchcmd: command not found\n', 127],
  ['echo "it\'s" | xargs', '', 'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n', 1],
]);
