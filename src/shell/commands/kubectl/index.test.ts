import { describe, expect, it } from 'vitest';
import { harness } from './testing.ts';

describe('kubectl global flags before and after the verb', () => {
  it.each([
    ['-n kube-public get pods'],
    ['--namespace=kube-public get pods'],
    ['--namespace kube-public get pods'],
    ['get pods -nkube-public'],
    ['get pods -n=kube-public'],
    ['get -n kube-public pods'],
  ])('kubectl %s', async (args) => {
    const h = harness();
    expect(await h.kubectl(args)).toEqual({ stdout: '', stderr: 'No resources found in kube-public namespace.\n', status: 0 });
  });

  it('reports flag errors with pflag wording', async () => {
    const h = harness();
    expect(await h.kubectl('get pods -z')).toEqual({ stdout: '', stderr: "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n", status: 1 });
    expect(await h.kubectl('get pods -n')).toEqual({ stdout: '', stderr: "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n", status: 1 });
    expect(await h.kubectl('scale sts web --replicas=abc')).toEqual({
      stdout: '',
      stderr: 'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
      status: 1,
    });
  });
});

describe('kubectl unknown command suggestions (cobra SuggestionsFor)', () => {
  it('suggests by Levenshtein distance ≤ 2 or prefix, ignoring case', async () => {
    const h = harness();
    expect(await h.kubectl('gte pods')).toEqual({ stdout: '', stderr: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n', status: 1 });
    // ld(typedName, cmd.Name(), true) lower-cases both sides.
    expect(await h.kubectl('GET pods')).toEqual({ stdout: '', stderr: 'error: unknown command "GET" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n', status: 1 });
    expect(await h.kubectl('ROLL')).toEqual({ stdout: '', stderr: 'error: unknown command "ROLL" for "kubectl"\n\nDid you mean this?\n\trollout\n', status: 1 });
  });

  it('answers a 100,000-character command with the same error and no suggestion', async () => {
    // The distance is at least the difference in length, so no verb is within 2 of it.
    const h = harness();
    const word = 'x'.repeat(100_000);
    expect(await h.kubectl([word, 'pods'])).toEqual({ stdout: '', stderr: `error: unknown command "${word}" for "kubectl"\n`, status: 1 });
  });
});
