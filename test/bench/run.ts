/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` (or the names given: `npm run bench shell`)
 * and prints one table per bench. A bench module exports `run(): Promise<figures>` where figures
 * has a `name`, an `ok` flag (target met) and any other (nested) numbers or strings to show.
 * Exit status 1 when a bench missed its target. `--json` prints the raw figures instead.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Figures {
  name?: string;
  ok?: boolean;
  [key: string]: unknown;
}

function flatten(value: unknown, prefix: string, out: [string, string][]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(3)) : Array.isArray(value) ? value.join(', ') : String(value);
  out.push([prefix, text]);
}

function table(figures: Figures): string {
  const rows: [string, string][] = [];
  const { name, ok, ...rest } = figures;
  flatten(rest, '', rows);
  const w = Math.max(...rows.map(([k]) => k.length), 6);
  const title = `${name ?? 'bench'} — ${ok === undefined ? 'no target' : ok ? 'target met' : 'TARGET MISSED'}`;
  return [title, '-'.repeat(title.length), ...rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`), ''].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const dir = import.meta.dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, '')))
    .sort();
  let failed = false;
  const all: Figures[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run?: () => Promise<Figures | Figures[]> };
    if (typeof mod.run !== 'function') {
      process.stderr.write(`bench: ${file} exports no run()\n`);
      failed = true;
      continue;
    }
    const result = await mod.run();
    for (const figures of Array.isArray(result) ? result : [result]) {
      figures.name ??= file.replace(/\.bench\.ts$/, '');
      all.push(figures);
      if (figures.ok === false) failed = true;
      if (!json) process.stdout.write(`${table(figures)}\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
