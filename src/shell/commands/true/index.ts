/** `true`: does nothing, successfully. */
import type { Command } from '../../types.ts';

export const command: Command = {
  name: 'true',
  summary: 'Return a successful result.',
  run: async () => 0,
};
