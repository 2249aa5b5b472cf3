import { describeCases } from '../../testing/cases.ts';

describeCases('true', [['true; echo $?', '0\n', '', 0], ['true --help', '', '', 0]]);
