// CLI tests: spawn `node src/cli/petlab.mjs grade …` for each exit status and for --dir.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../grading/reporters/xml-parse.ts';

const BIN = join(import.meta.dirname, 'petlab.mjs');

function petlab(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const SOLUTION = readFileSync(join(import.meta.dirname, '..', '..', 'labs', 'pid-namespaces', 'solution.sh'), 'utf8');
const PARTIAL = 'unshare --pid --fork bash\nhostname\n';

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'petlab-grade-'));
  writeFileSync(join(dir, 'solution.sh'), SOLUTION);
  writeFileSync(join(dir, 'partial.sh'), PARTIAL);
  return dir;
}

describe('petlab grade', () => {
  it('exits 0 with a text report when every task passes', async () => {
    const dir = workdir();
    const r = await petlab(['grade', 'pid-namespaces', '--commands', 'solution.sh'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Lab: Containers are processes: PID and UTS namespaces \(pid-namespaces\)\nScore: 4\/4\n/);
    expect(r.stdout).toMatch(/\n4 of 4 tasks passed \(9 commands replayed, seed 1, 0s of virtual time\)\.\n$/);
  }, 120_000);

  it('exits 1 and writes results.json when some task fails', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'sub.json'), JSON.stringify({ version: 1, lab: 'pid-namespaces', commands: PARTIAL.trim().split('\n') }));
    const r = await petlab(['grade', 'pid-namespaces', '--submission', 'sub.json', '--format', 'json', '--output', 'results.json'], dir);
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', '']);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.tests.map((t: { task_id: string; status: string }) => `${t.task_id}:${t.status}`)).toEqual([
      'pid-1-shell:pass',
      'own-proc:fail',
      'uts-hostname:fail',
      'record-namespace:fail',
    ]);
    expect([results.status, results.score, results.max_score]).toEqual(['fail', 1, 4]);
  }, 120_000);

  it('writes JUnit XML that parses', async () => {
    const dir = workdir();
    const r = await petlab(['grade', 'pid-namespaces', '--commands', 'partial.sh', '--format', 'junit'], dir);
    expect(r.status).toBe(1);
    const root = parseXml(r.stdout);
    expect(root.attributes).toEqual({ name: 'petlab', tests: '4', failures: '3', errors: '0', skipped: '0', time: '0' });
  }, 120_000);

  it.each([
    [['grade', 'no-such-lab', '--commands', 'partial.sh'], "petlab grade: unknown lab 'no-such-lab' (labs: pid-namespaces, statefulset-identity, user-defined-bridge-dns)\n"],
    [['grade', 'pid-namespaces', '--submission', 'missing.json'], 'petlab grade: cannot read the submission missing.json: no such file\n'],
    [['grade', 'pid-namespaces', '--submission', 'broken.json'], 'petlab grade: broken.json is not valid JSON: '],
    [['grade', 'pid-namespaces', '--submission', 'huge.json'], 'petlab grade: the submission huge.json is 1048577 bytes; the grader accepts at most 1048576 bytes.\n'],
    [['grade', 'pid-namespaces', '--submission', 'other-lab.json'], 'petlab grade: the submission is for lab "statefulset-identity", not "pid-namespaces"\n'],
    [['grade', 'pid-namespaces', '--commands', 'latin1.sh'], 'petlab grade: latin1.sh is not valid UTF-8 text (bad byte at offset 5)\n'],
    // Hostile submissions: a 10 MB here-document, JSON nested 300 000 deep, invalid UTF-8 inside
    // JSON, an unknown field, a seed out of range, more command lines than the bound.
    [['grade', 'pid-namespaces', '--commands', 'heredoc.sh'], 'petlab grade: the commands file heredoc.sh is 10485786 bytes; the grader accepts at most 1048576 bytes.\n'],
    [['grade', 'pid-namespaces', '--submission', 'deep.json'], 'petlab grade: deep.json is nested 300000 levels deep; a submission needs at most 8.\n'],
    [['grade', 'pid-namespaces', '--submission', 'latin1.json'], 'petlab grade: latin1.json is not valid UTF-8 text (bad byte at offset 54); save it as UTF-8 JSON.\n'],
    [
      ['grade', 'pid-namespaces', '--submission', 'unknown.json'],
      'petlab grade: Invalid submission in unknown.json:\n  - (root): unknown field "teacher"\n    Fix: remove it; a submission has only version, lab, seed, commands and files.\n',
    ],
    [['grade', 'pid-namespaces', '--submission', 'seed.json'], 'petlab grade: Invalid submission in seed.json:\n  - seed: expected a whole number from 0 to 4294967295\n'],
    [['grade', 'pid-namespaces', '--commands', 'many.sh'], 'petlab grade: the replay stopped: the submission has more than 2000 command lines.\n'],
    // Outputs that cannot be written are refused before any grading.
    [['grade', 'pid-namespaces', '--commands', 'partial.sh', '--output', 'no/such/r.json'], 'petlab grade: cannot write the report to no/such/r.json: no such folder\n'],
    [['grade', 'pid-namespaces', '--commands', 'partial.sh', '--output', 'partial.sh/r.json'], 'petlab grade: cannot write the report to partial.sh/r.json: no such folder\n'],
    [['grade', 'pid-namespaces', '--dir', '.', '--output', 'partial.sh/out'], 'petlab grade: cannot write the reports into partial.sh/out: no such folder\n'],
    // Node's recursive mkdirSync loops forever here (mkdir says ENOENT under /proc).
    [['grade', 'pid-namespaces', '--dir', '.', '--output', '/proc/petlab-out/x'], 'petlab grade: cannot write the reports into /proc/petlab-out/x: no such folder\n'],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const dir = workdir();
    writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
    writeFileSync(join(dir, 'huge.json'), ' '.repeat(1024 * 1024 + 1));
    writeFileSync(join(dir, 'other-lab.json'), JSON.stringify({ version: 1, lab: 'statefulset-identity', commands: [] }));
    writeFileSync(join(dir, 'latin1.sh'), Buffer.from([0x65, 0x63, 0x68, 0x6f, 0x20, 0xe9, 0x0a]));
    writeFileSync(join(dir, 'heredoc.sh'), `cat <<'EOF' > big.txt\n${'x'.repeat(79).concat('\n').repeat(131_072)}EOF\n`);
    writeFileSync(join(dir, 'deep.json'), '['.repeat(300_000) + ']'.repeat(300_000));
    writeFileSync(join(dir, 'latin1.json'), Buffer.concat([Buffer.from('{"version":1,"lab":"pid-namespaces","commands":["echo '), Buffer.from([0xff]), Buffer.from('"]}')]));
    writeFileSync(join(dir, 'unknown.json'), JSON.stringify({ version: 1, lab: 'pid-namespaces', commands: [], teacher: 'x' }));
    writeFileSync(join(dir, 'seed.json'), '{"version":1,"lab":"pid-namespaces","seed":1e300,"commands":[]}');
    writeFileSync(join(dir, 'many.sh'), 'true\n'.repeat(2001));
    const r = await petlab(args, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    if (message.endsWith('\n')) expect(r.stderr).toBe(message);
    else expect(r.stderr.startsWith(message) && !r.stderr.includes('    at ')).toBe(true);
  }, 120_000);

  it('stops a submission that never finishes, with status 2', async () => {
    const dir = workdir();
    // A counted loop of a billion rounds: every round is real work (no yield to the clock), so
    // only the real-time watchdog stops it. (A backtracking grep pattern is no reliable example:
    // the shell's POSIX matcher aims at linear time. sandbox.test.ts tests the watchdog directly.)
    writeFileSync(join(dir, 'forever.sh'), 'i=0; while [ $i -lt 1000000000 ]; do i=$((i+1)); done\necho never\n');
    const r = await petlab(['grade', 'pid-namespaces', '--commands', 'forever.sh', '--timeout', '2'], dir);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: 'petlab grade: the replay stopped: it ran for more than 2 s of real time (a command that never finishes, e.g. a loop that runs too long).\n',
    });
  }, 180_000);

  it('grades a fork bomb within the real-time bound: a clear failed verdict, no stack trace', async () => {
    const dir = workdir();
    // The shell's per-host process bound (src/shell/interp/fork-limit.ts) makes the bomb's forks
    // fail as fork(2) does past pids.max (bash: fork: retry: Resource temporarily unavailable…),
    // the bomb dies out and the replay goes on to a verdict well inside --timeout 3; before that
    // bound the bomb blocked the event loop and only the sandbox's watchdog stopped it (status 2).
    writeFileSync(join(dir, 'bomb.sh'), 'f(){ f|f& }; f\necho after\n');
    const r = await petlab(['grade', 'pid-namespaces', '--commands', 'bomb.sh', '--timeout', '3'], dir);
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout).toBe(
      [
        'Lab: Containers are processes: PID and UTS namespaces (pid-namespaces)',
        'Score: 0/4',
        '',
        '  FAIL  1. Start a shell that is PID 1 (0/1)',
        "        every process runs in the host's PID namespace pid:[4026531836]: start a shell as PID 1 of a new one",
        '  SKIP  2. Give the namespace its own /proc (0/1)',
        '        not checked: first complete "Start a shell that is PID 1"',
        '  FAIL  3. Call the namespace pet-1 (0/1)',
        "        every process shares the host's UTS namespace uts:[4026531838]: create a new one and set its hostname to pet-1",
        '  SKIP  4. Write down the namespace id (0/1)',
        '        not checked: first complete "Start a shell that is PID 1"',
        '',
        '0 of 4 tasks passed (2 commands replayed, seed 1, 0s of virtual time).',
        '',
      ].join('\n'),
    );
  }, 180_000);

  it('grades a class folder into CSV, Markdown and one report per student', async () => {
    const dir = workdir();
    const subs = join(dir, 'subs');
    mkdirSync(join(subs, 'bob', 'files'), { recursive: true });
    writeFileSync(join(subs, 'alice.json'), JSON.stringify({ version: 1, lab: 'pid-namespaces', commands: SOLUTION }));
    writeFileSync(join(subs, 'bob', 'commands.sh'), PARTIAL);
    writeFileSync(join(subs, 'bob', 'files', 'notes.txt'), 'hi\n');
    writeFileSync(join(subs, 'carol.json'), '{"version": 1, "lab": "pid-namespaces", "commands": [], "extra": 1}');
    const r = await petlab(['grade', 'pid-namespaces', '--dir', 'subs', '--output', 'out', '--format', 'junit'], dir);
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout).toBe('Graded 3 submissions of pid-namespaces: 1 passed every task. Reports in out/ (summary.csv, summary.md).\n');
    expect(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')).toBe(
      'student,status,score,max,pid-1-shell,own-proc,uts-hostname,record-namespace,error\r\n' +
        'alice,pass,4,4,1,1,1,1,\r\n' +
        'bob,fail,1,4,1,0,0,0,\r\n' +
        '"carol",error,0,0,,,,,"Invalid submission in subs/carol.json:\n  - (root): unknown field ""extra""\n    Fix: remove it; a submission has only version, lab, seed, commands and files."\r\n'.replace('"carol"', 'carol'),
    );
    expect(readFileSync(join(dir, 'out', 'summary.md'), 'utf8')).toContain('| bob | fail | 1/4 | pass | fail | fail | fail |  |\n');
    expect(parseXml(readFileSync(join(dir, 'out', 'alice.xml'), 'utf8')).attributes.failures).toBe('0');
    const summary = parseXml(readFileSync(join(dir, 'out', 'summary.xml'), 'utf8'));
    expect(summary.children.map((suite) => `${suite.attributes.name}:${suite.attributes.failures}/${suite.attributes.errors}`)).toEqual(['alice:0/0', 'bob:3/0', 'carol:0/1']);
    expect(readFileSync(join(dir, 'out', 'bob.transcript.txt'), 'utf8')).toMatch(/^\$ unshare --pid --fork bash\n/);
  }, 180_000);
});
