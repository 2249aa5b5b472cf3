#!/usr/bin/env node
// The `petlab` command. Node ≥ 22.18 runs our TypeScript directly (type stripping), so the CLI
// needs no build step: this file only checks the Node version and hands over to main.ts.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`petlab: Node.js 22.18 or later is required (this is ${process.version})\n`);
  process.exit(2);
}
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
