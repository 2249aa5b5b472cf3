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
