// CLI tests of `petlab labs` and `petlab new-lab`, spawned as a user would run them.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lab } from '../grading/lab-schema.ts';
import { verifyLab } from '../grading/verify.ts';
import { scaffold } from './new-lab-command.ts';

const BIN = join(import.meta.dirname, 'petlab.mjs');

function petlab(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('petlab labs', () => {
  it('verifies a lab', async () => {
    expect(await petlab(['labs', 'verify', 'pid-namespaces'])).toEqual({
      status: 0,
      stdout: 'ok   pid-namespaces: 4 tasks fail at the start and pass with solution.sh, needs honoured\n',
      stderr: '',
    });
  }, 120_000);

  it('rejects an unknown subcommand and an unknown lab with status 2', async () => {
    expect(await petlab(['labs', 'frobnicate'])).toEqual({
      status: 2,
      stdout: '',
      stderr: "petlab labs: unknown subcommand 'frobnicate'\n\nUsage: petlab labs verify [lab-id...]\n       petlab labs sync\n       petlab labs list\n\n",
    });
    const r = await petlab(['labs', 'verify', 'nope']);
    expect([r.status, r.stderr]).toEqual([2, "petlab labs: unknown lab 'nope' (labs: pid-namespaces, statefulset-identity, user-defined-bridge-dns)\n"]);
  }, 120_000);
});

describe('petlab new-lab', () => {
  it('scaffolds a lab folder once, and refuses to overwrite it', async () => {
    const labsDir = mkdtempSync(join(tmpdir(), 'petlab-labs-'));
    const env = { PETLAB_LABS_DIR: labsDir };
    const r = await petlab(['new-lab', 'mount-namespaces'], env);
    expect(r).toEqual({
      status: 0,
      stdout: 'Created labs/mount-namespaces/ (lab.ts, solution.sh, README.md, files/) and updated labs/index.ts.\nNext: edit the tasks, then run `petlab labs verify mount-namespaces`.\n',
      stderr: '',
    });
    for (const f of ['lab.ts', 'solution.sh', 'README.md', 'files/README.txt']) expect(existsSync(join(labsDir, 'mount-namespaces', f))).toBe(true);
    expect(readFileSync(join(labsDir, 'index.ts'), 'utf8')).toContain("import mountNamespaces from './mount-namespaces/lab.ts';");
    expect(await petlab(['new-lab', 'mount-namespaces'], env)).toEqual({ status: 2, stdout: '', stderr: 'petlab new-lab: labs/mount-namespaces already exists\n' });
    expect((await petlab(['new-lab', 'Bad Name'], env)).status).toBe(2);
  }, 120_000);

  it('makes a lab that passes verify as it is', async () => {
    // Written two levels below the repository root, like labs/<id>/, so its imports resolve.
    const root = mkdtempSync(join(import.meta.dirname, '..', '..', '.petlab-scaffold-'));
    try {
      const dir = join(root, 'demo-lab');
      for (const [path, text] of Object.entries(scaffold('demo-lab', 'linux', 'Demo'))) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const { default: lab } = (await import(pathToFileURL(join(dir, 'lab.ts')).href)) as { default: Lab };
      const report = await verifyLab({ lab, files: { 'README.txt': readFileSync(join(dir, 'files', 'README.txt'), 'utf8') }, solution: readFileSync(join(dir, 'solution.sh'), 'utf8') });
      expect(report.problems).toEqual([]);
      expect(report.results.map((r) => r.status)).toEqual(['pass']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
