import { describeCases } from '../../testing/cases.ts';

describeCases('unset', [
  ['X=1; unset X; echo "[${X-gone}]"', '[gone]\n', '', 0],
  ['unset 9x', '', "bash: unset: `9x': not a valid identifier\n", 1],
]);
