// The core (src/emulator + src/shell, every command included) must run in a browser: its bundle
// may not import node: modules nor touch DOM globals. The idea comes from just-bash's
// browser.bundle.test.ts; the bundler is esbuild (installed with Vite).
import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

async function bundleCore(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "export { createWorld } from './src/emulator/environment.ts';",
        "export { ShellSession } from './src/shell/session.ts';",
        "export { registry } from './src/shell/commands/registry.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2023',
    logLevel: 'silent',
  });
  return result.outputFiles.map((f) => f.text).join('\n');
}

/** Code without string literals, template text and comments, so words in messages do not count. */
function codeOnly(js: string): string {
  return js
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, '""')
    .replace(/`(?:\\.|[^`\\])*`/g, '``');
}

describe('browser bundle of the core', () => {
  it('has no node: import and no DOM global', async () => {
    // the checker itself must catch what it is meant to catch
    expect(codeOnly('const a = document.title; x = "document.y";').match(/document\s*[.[]/g)).toEqual(['document.']);
    const js = await bundleCore();
    expect(js.length).toBeGreaterThan(10_000);
    expect(js.match(/(?:from|import|require)\s*\(?\s*["']node:[^"']+["']/g) ?? []).toEqual([]);
    const code = codeOnly(js);
    // A DOM global in use: `document.x`, `window[...]`, `typeof navigator`, `new XMLHttpRequest`, a bare call.
    const dom = /(?<![.\w$])(?:(?:document|window|navigator|localStorage|sessionStorage|customElements)\s*[.[]|typeof\s+(?:document|window|navigator)\b|new\s+(?:XMLHttpRequest|HTMLElement|Worker)\b|requestAnimationFrame\s*\()/g;
    expect([...new Set(code.match(dom) ?? [])]).toEqual([]);
  }, 60_000);

  it('bundles without errors on the neutral platform (a node: import would fail to resolve)', async () => {
    await expect(bundleCore()).resolves.toBeTypeOf('string');
  }, 60_000);
});
