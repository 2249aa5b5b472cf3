/** `false`: does nothing, unsuccessfully. */
import type { Command } from '../../types.ts';

export const command: Command = {
  name: 'false',
  summary: 'Return an unsuccessful result.',
  run: async () => 1,
};
