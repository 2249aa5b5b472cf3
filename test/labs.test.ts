// `petlab labs verify`, run by `npm test`: every lab is non-vacuous (every task fails in the
// starting state), solvable (solution.sh passes every task) and ordered (no task passes before
// the tasks it needs). Plus the index is fresh and labs load in the browser (no node: imports).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { labBundles } from '../labs/index.ts';
import { labFolders, LABS_DIR, readLabAssets, renderLabIndex } from '../src/cli/lab-sync.ts';
import { evaluateTasks } from '../src/grading/evaluate.ts';
import { gradeSubmission } from '../src/grading/grade.ts';
import { prepareWorld } from '../src/grading/prepare.ts';
import { verifyLab } from '../src/grading/verify.ts';

const ROOT = join(import.meta.dirname, '..');

describe('labs verify', () => {
  it.each(labFolders().map((id) => [id]))('%s is non-vacuous, solvable and ordered', async (id) => {
    const bundle = labBundles.find((b) => b.lab.id === id);
    expect(bundle, `labs/${id} is missing from labs/index.ts`).toBeDefined();
    const report = await verifyLab({ lab: bundle!.lab, ...readLabAssets(id) });
    expect(report.problems).toEqual([]);
    expect(report.results.every((r) => r.status === 'pass')).toBe(true);
  }, 180_000);
});

describe('grading is deterministic', () => {
  it.each(labFolders().map((id) => [id]))('%s: the same submission gives byte-identical results and transcripts', async (id) => {
    const bundle = { lab: labBundles.find((b) => b.lab.id === id)!.lab, ...readLabAssets(id) };
    const submission = { version: 1 as const, lab: id, commands: bundle.solution, files: {} };
    const first = await gradeSubmission(bundle, submission);
    const second = await gradeSubmission(bundle, submission);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.result.status).toBe('pass');
  }, 180_000);
});

describe('what a learner reads first', () => {
  it('each lab starts with messages that name what is missing', async () => {
    const start: Record<string, string[]> = {};
    for (const id of labFolders()) {
      const bundle = { lab: labBundles.find((b) => b.lab.id === id)!.lab, ...readLabAssets(id) };
      const world = await prepareWorld(bundle, bundle.lab.seed);
      start[id] = evaluateTasks(bundle.lab, { world, home: bundle.lab.home }).map((t) => `${t.id}: ${t.status}: ${t.message}`);
    }
    expect(start).toEqual({
      'pid-namespaces': [
        "pid-1-shell: fail: every process runs in the host's PID namespace pid:[4026531836]: start a shell as PID 1 of a new one",
        'own-proc: skipped: not checked: first complete "Start a shell that is PID 1"',
        "uts-hostname: fail: every process shares the host's UTS namespace uts:[4026531838]: create a new one and set its hostname to pet-1",
        'record-namespace: skipped: not checked: first complete "Start a shell that is PID 1"',
      ],
      'statefulset-identity': [
        'headless-service: fail: Service nginx not found in namespace default',
        'three-ready: skipped: not checked: first complete "Create the headless Service nginx"',
        'ordered-start: skipped: not checked: first complete "Run three Ready replicas"',
        'claims-bound: skipped: not checked: first complete "Run three Ready replicas"',
        'stable-dns: skipped: not checked: first complete "Run three Ready replicas"',
        'same-name-back: skipped: not checked: first complete "Run three Ready replicas"',
        'data-survives: skipped: not checked: first complete "Run three Ready replicas"',
      ],
      'user-defined-bridge-dns': [
        'create-network: fail: no network named alpine-net: create one with the bridge driver',
        'attach-containers: skipped: not checked: first complete "Create the network alpine-net"',
        'resolve-by-name: skipped: not checked: first complete "Attach alpine1 and alpine2"',
        'default-bridge-no-dns: fail: no container named alpine3 yet',
      ],
    });
  }, 180_000);
});

describe('the labs folder', () => {
  it('has an up-to-date labs/index.ts (run `node src/cli/petlab.mjs labs sync`)', () => {
    const expected = renderLabIndex(labFolders(), (id) => readLabAssets(id));
    expect(readFileSync(join(LABS_DIR, 'index.ts'), 'utf8')).toBe(expected);
  });

  it('gives every lab folder a matching id, a README and a solution', () => {
    for (const id of labFolders()) {
      expect(labBundles.find((b) => b.lab.id === id)?.lab.id).toBe(id);
      const names = readdirSync(join(LABS_DIR, id));
      expect(names).toEqual(expect.arrayContaining(['README.md', 'solution.sh', 'lab.ts']));
    }
  });

  it('has a lab for every lesson that names one', () => {
    const ids = new Set(labFolders());
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : /\.mdx?$/.test(d.name) ? [join(dir, d.name)] : []));
    for (const file of walk(join(ROOT, 'content'))) {
      const lab = /^lab:\s*(\S+)\s*$/m.exec(readFileSync(file, 'utf8').split(/^---$/m)[1] ?? '')?.[1];
      if (lab) expect(ids.has(lab.replace(/['"]/g, '')), `${file} names lab ${lab}`).toBe(true);
    }
  });

  it('bundles for the browser: src/grading and labs/index.ts on the neutral platform, no node: import', async () => {
    const result = await build({
      stdin: { contents: "export * from './src/grading/index.ts';\nexport { labBundles } from './labs/index.ts';", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2023',
      logLevel: 'silent',
    });
    const js = result.outputFiles.map((f) => f.text).join('\n');
    expect(js).toContain('statefulset-identity');
    expect(js.match(/(?:from|import|require)\s*\(?\s*["']node:[^"']+["']/g) ?? []).toEqual([]);
  }, 180_000);

  it('loads in the browser: no node: imports in labs/ or src/grading/', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? (d.name === 'files' ? [] : walk(join(dir, d.name))) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : []));
    const offenders = [...walk(LABS_DIR), ...walk(join(ROOT, 'src', 'grading'))].filter((f) => /from\s+['"]node:|import\(['"]node:/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
