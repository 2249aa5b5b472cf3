/**
 * `sysctl` (procps-ng 4.0.2): reads and writes /proc/sys through the caller's file system, so
 * `sysctl -w net.ipv4.ip_forward=1` flips forwarding in the caller's network namespace.
 */
import type { Command, CommandContext } from '../../types.ts';

function pathOf(key: string): string {
  return `/proc/sys/${key.replace(/\./g, '/')}`;
}

async function run(ctx: CommandContext): Promise<number> {
  let write = false;
  let valueOnly = false;
  let quiet = false;
  const items: string[] = [];
  for (const a of ctx.args) {
    if (a === '-w' || a === '--write') write = true;
    else if (a === '-n' || a === '--values') valueOnly = true;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-a' || a === '-A' || a === '--all' || a === '-p' || a === '--system') {
      ctx.stderr.write(`petlab: 'sysctl ${a}' is not available in this lab\n`);
      return 1;
    } else if (a.startsWith('-')) {
      ctx.stderr.write(`sysctl: unknown option: ${a}\n`);
      return 1;
    } else items.push(a);
  }
  if (items.length === 0) {
    ctx.stderr.write('sysctl: no variables specified\nTry `sysctl --help\' for more information.\n');
    return 1;
  }
  const fs = ctx.process.fs;
  let status = 0;
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq >= 0 || write) {
      if (eq < 0) {
        ctx.stderr.write(`sysctl: "${item}" must be of the form name=value\n`);
        status = 255;
        continue;
      }
      const key = item.slice(0, eq).trim();
      const value = item.slice(eq + 1).trim();
      if (!fs.exists(pathOf(key))) {
        ctx.stderr.write(`sysctl: cannot stat ${pathOf(key)}: No such file or directory\n`);
        status = 255;
        continue;
      }
      try {
        fs.writeFile(pathOf(key), `${value}\n`);
      } catch (err) {
        ctx.stderr.write(`sysctl: permission denied on key "${key}"\n`);
        status = 255;
        void err;
        continue;
      }
      if (!quiet) ctx.stdout.write(valueOnly ? `${value}\n` : `${key} = ${value}\n`);
      continue;
    }
    try {
      const value = fs.readFile(pathOf(item)).replace(/\n$/, '');
      ctx.stdout.write(valueOnly ? `${value}\n` : `${item} = ${value}\n`);
    } catch {
      ctx.stderr.write(`sysctl: cannot stat ${pathOf(item)}: No such file or directory\n`);
      status = 255;
    }
  }
  ctx.world.markChanged();
  return status;
}

export const command: Command = { name: 'sysctl', summary: 'configure kernel parameters at runtime', run };
export default command;
