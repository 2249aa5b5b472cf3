import { describeCases } from '../../testing/cases.ts';

describeCases('tee', [
  ['echo hi | tee a b', 'hi\n', '', 0],
  ['cat a b', 'hi\nhi\n', '', 0],
  ['echo more | tee -a a >/dev/null; cat a', 'hi\nmore\n', '', 0],
  ['echo x | tee /nodir/f', 'x\n', 'tee: /nodir/f: No such file or directory\n', 1],
]);
