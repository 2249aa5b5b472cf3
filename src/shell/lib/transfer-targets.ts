/**
 * The operand rules `cp` and `mv` share (GNU coreutils): the last operand is the destination;
 * with several sources it must be a directory, and each source lands inside it under its own
 * base name. Writes coreutils' usage errors and returns their status, or the planned pairs.
 */
import type { CommandContext } from '../types.ts';
import { fsOf } from './files.ts';
import { usageError } from './options.ts';

export interface TransferPlan {
  fs: ReturnType<typeof fsOf>;
  /** `[source, target]` in operand order. */
  pairs: Array<[string, string]>;
}

/** Plans `name SOURCE… DEST`; a number is the exit status of an operand error already printed. */
export function planTransfer(ctx: CommandContext, name: string, operands: readonly string[]): TransferPlan | number {
  if (operands.length === 0) return usageError(ctx.stderr, name, 'missing file operand');
  if (operands.length === 1) return usageError(ctx.stderr, name, `missing destination file operand after '${operands[0]}'`);
  const fs = fsOf(ctx);
  const dest = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  let destIsDir: boolean;
  try {
    destIsDir = fs.stat(dest).type === 'dir';
  } catch {
    destIsDir = false;
  }
  if (sources.length > 1 && !destIsDir) {
    ctx.stderr.write(`${name}: target '${dest}' is not a directory\n`);
    return 1;
  }
  const into = (src: string) => `${dest.replace(/\/$/, '')}/${src.replace(/\/+$/, '').split('/').pop()}`;
  return { fs, pairs: sources.map((src) => [src, destIsDir ? into(src) : dest]) };
}
