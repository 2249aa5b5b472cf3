import { describeCases } from '../../testing/cases.ts';

describeCases('clear', [['clear', '\x1b[H\x1b[2J\x1b[3J', '', 0]]);
