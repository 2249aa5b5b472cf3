import { describeCases } from '../../testing/cases.ts';

describeCases('date', [
  ['date', 'Sun Nov 29 10:00:00 UTC 2026\n', '', 0],
  ['date -u +%Y-%m-%dT%H:%M:%SZ', '2026-11-29T10:00:00Z\n', '', 0],
  ['date +%s', '1795946400\n', '', 0],
  ['date -I', '2026-11-29\n', '', 0],
  ['date tomorrow', '', 'date: invalid date ‘tomorrow’\n', 1],
  ['date -q', '', "date: invalid option -- 'q'\nTry 'date --help' for more information.\n", 1],
]);
