/**
 * File helpers shared by the coreutils: the process's file system, error texts in coreutils'
 * wording, and reading inputs (`-` and no operand mean stdin).
 */
import type { Vfs } from '../../emulator/linux/fs/vfs.ts';
import type { CommandContext } from '../types.ts';

/** The file system of the process the command runs as. */
export function fsOf(ctx: CommandContext): Vfs {
  return (ctx.process as { fs: Vfs }).fs;
}

/** The strerror text of a file-system error ("No such file or directory"). */
export function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reads each named input (or stdin for '-' / no operands), calling `each` with its text. */
export async function forEachInput(
  ctx: CommandContext,
  operands: readonly string[],
  each: (text: string, name: string) => void | Promise<void>,
): Promise<number> {
  const fs = fsOf(ctx);
  let status = 0;
  const names = operands.length === 0 ? ['-'] : operands;
  for (const name of names) {
    if (ctx.interrupt.interrupted) return 130;
    if (name === '-') {
      await each(await ctx.stdin.readAll(), name);
      continue;
    }
    let text: string;
    try {
      text = fs.readFile(name);
    } catch (e) {
      ctx.stderr.write(`${ctx.name}: ${name}: ${errText(e)}\n`);
      status = 1;
      continue;
    }
    await each(text, name);
  }
  return status;
}

/** Splits text into lines without the trailing empty piece after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
