import { describeCases } from '../../testing/cases.ts';

describeCases('false', [['false', '', '', 1], ['false || echo failed', 'failed\n', '', 0]]);
