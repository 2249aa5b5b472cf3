import { describe, expect, it } from 'vitest';
import { createCompleter, type CompletionSources, type DirEntry } from './index.ts';
import { wordContext } from './words.ts';

const tree: Record<string, DirEntry[]> = {
  '/root': [
    { name: 'bin', isDir: true },
    { name: 'web.yaml', isDir: false },
    { name: 'web-svc.yaml', isDir: false },
    { name: 'manifests', isDir: true },
    { name: '.bashrc', isDir: false },
  ],
  '/root/manifests': [{ name: 'pvc.yaml', isDir: false }],
  '/root/bin': [
    { name: 'setup.sh', isDir: false, executable: true },
    { name: 'settings.txt', isDir: false, executable: false },
    { name: 'sets', isDir: true, executable: false },
  ],
  '/etc': [
    { name: 'hostname', isDir: false },
    { name: 'hosts', isDir: false },
  ],
};

const sources: CompletionSources = {
  commands: () => ['cat', 'cd', 'clear', 'docker', 'ip', 'kubectl', 'ls', 'watch'],
  cwd: () => '/root',
  home: () => '/root',
  listDir: (path) => tree[path],
  kubeNames: (resource, ns) =>
    (({
      'pods/default': ['web-0', 'web-1', 'dns-test'],
      'statefulsets/default': ['web'],
      'services/default': ['nginx', 'kubernetes'],
      'namespaces/default': ['default', 'kube-system'],
      'pods/kube-system': ['coredns-1'],
    }) as Record<string, string[]>)[`${resource}/${ns}`] ?? [],
  dockerContainers: () => ['alpine1', 'alpine2', 'web'],
  dockerNetworks: () => ['alpine-net', 'bridge', 'host', 'none'],
  dockerImages: () => ['alpine', 'nginx', 'busybox'],
  netnsNames: () => ['blue', 'red'],
  variables: () => ['HOME', 'HOSTNAME', 'PATH', 'PWD'],
  interfaces: () => ['eth0', 'lo', 'veth-blue'],
};

const complete = (line: string) => {
  const r = createCompleter(sources).complete({ line, cursor: line.length });
  if (r instanceof Promise) throw new Error('sync expected');
  return { word: line.slice(r.from, r.to), candidates: r.candidates, display: r.display };
};

describe('wordContext', () => {
  it('splits the current simple command and finds the word start', () => {
    expect(wordContext('echo a | kubectl get po', 23)).toEqual({ words: ['kubectl', 'get'], current: 'po', from: 21, separated: true });
    expect(wordContext("cat 'my fi", 10)).toEqual({ words: ['cat'], current: "'my fi", from: 4, separated: false });
    expect(wordContext('ls ', 3)).toEqual({ words: ['ls'], current: '', from: 3, separated: false });
  });
});

describe('createCompleter', () => {
  it('completes command names in command position, also after pipes and wrappers', () => {
    expect(complete('c').candidates).toEqual(['cat', 'cd', 'clear']);
    expect(complete('ls | k').candidates).toEqual(['kubectl']);
    expect(complete('watch -n 1 kub').candidates).toEqual(['kubectl']);
  });

  it('completes paths relative to the cwd, with / after directories and base names to list', () => {
    expect(complete('cat we')).toEqual({
      word: 'we',
      candidates: ['web-svc.yaml', 'web.yaml'],
      display: ['web-svc.yaml', 'web.yaml'],
    });
    expect(complete('cat ma').candidates).toEqual(['manifests/']);
    expect(complete('cat manifests/').candidates).toEqual(['manifests/pvc.yaml']);
    expect(complete('cat /etc/h')).toEqual({ word: '/etc/h', candidates: ['/etc/hostname', '/etc/hosts'], display: ['hostname', 'hosts'] });
    expect(complete('cat ~/.b').candidates).toEqual(['~/.bashrc']);
    // readline's match-hidden-files (on by default): an empty word matches dot files too
    expect(complete('cat ').candidates).toEqual(['.bashrc', 'bin/', 'manifests/', 'web-svc.yaml', 'web.yaml']);
  });

  it('completes kubectl verbs, resource types, names, kind/name, -n and -f', () => {
    expect(complete('kubectl ap').candidates).toEqual(['api-resources', 'api-versions', 'apply']);
    expect(complete('kubectl get statef').candidates).toEqual(['statefulset', 'statefulsets']);
    expect(complete('kubectl get pods we').candidates).toEqual(['web-0', 'web-1']);
    expect(complete('kubectl describe pod/w').candidates).toEqual(['pod/web-0', 'pod/web-1']);
    expect(complete('kubectl -n kube-system get po c').candidates).toEqual(['coredns-1']);
    expect(complete('kubectl logs d').candidates).toEqual(['dns-test']);
    // logs -f is --follow, not a file; --tail takes a value
    expect(complete('kubectl logs -f w').candidates).toEqual(['web-0', 'web-1']);
    expect(complete('kubectl logs --tail 5 -f w').candidates).toEqual(['web-0', 'web-1']);
    expect(complete('kubectl get pods -n k').candidates).toEqual(['kube-system']);
    expect(complete('kubectl get pods -o j').candidates).toEqual(['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file']);
    expect(complete('kubectl get pods --output=y').candidates).toEqual(['--output=yaml']);
    expect(complete('kubectl apply -f w').candidates).toEqual(['web-svc.yaml', 'web.yaml']);
    expect(complete('kubectl rollout st').candidates).toEqual(['status']);
    expect(complete('kubectl rollout status s').candidates).toEqual(['statefulset']);
    expect(complete('kubectl scale sts w').candidates).toEqual(['web']);
    // subcommands of command groups, as cobra completes them
    expect(complete('kubectl h').candidates).toEqual(['help']);
    expect(complete('kubectl create se').candidates).toEqual(['secret', 'service', 'serviceaccount']);
    expect(complete('kubectl create secret ').candidates).toEqual(['docker-registry', 'generic', 'tls']);
    expect(complete('kubectl config use').candidates).toEqual(['use-context']);
    expect(complete('kubectl apply ').candidates).toEqual(['edit-last-applied', 'set-last-applied', 'view-last-applied']);
    expect(complete('kubectl top ').candidates).toEqual(['node', 'pod']);
    expect(complete('kubectl top pod w').candidates).toEqual(['web-0', 'web-1']);
  });

  it('completes docker subcommands, containers and networks', () => {
    expect(complete('docker ne').candidates).toEqual(['network']);
    expect(complete('docker network c').candidates).toEqual(['connect', 'create']);
    expect(complete('docker network rm alp').candidates).toEqual(['alpine-net']);
    expect(complete('docker network connect bridge al').candidates).toEqual(['alpine1', 'alpine2']);
    expect(complete('docker exec -it al').candidates).toEqual(['alpine1', 'alpine2']);
    expect(complete('docker run -d --name x --network al').candidates).toEqual(['alpine-net']);
    expect(complete('docker run -dit --rm b').candidates).toEqual(['busybox']);
    expect(complete('docker container ').candidates).toEqual([
      'attach', 'commit', 'cp', 'create', 'diff', 'exec', 'export', 'inspect', 'kill', 'logs', 'ls', 'pause', 'port', 'prune',
      'rename', 'restart', 'rm', 'run', 'start', 'stats', 'stop', 'top', 'unpause', 'update', 'wait',
    ]);
    expect(complete('docker container stop al').candidates).toEqual(['alpine1', 'alpine2']);
    expect(complete('docker container exec -it w').candidates).toEqual(['web']);
  });

  it('completes ip as bash-completion does: help + ip help objects, the script’s subcommand lists, namespaces', () => {
    expect(complete('ip ').candidates).toEqual([
      'address', 'addrlabel', 'amt', 'fou', 'help', 'ila', 'ioam', 'l2tp', 'link', 'macsec', 'maddress', 'monitor', 'mptcp',
      'mroute', 'mrule', 'neighbor', 'neighbour', 'netconf', 'netns', 'nexthop', 'ntable', 'ntbl', 'route', 'rule', 'sr',
      'tap', 'tcpmetrics', 'token', 'tunnel', 'tuntap', 'vrf', 'xfrm',
    ]);
    expect(complete('ip a ').candidates).toEqual(['add', 'change', 'del', 'flush', 'help', 'replace', 'show']);
    expect(complete('ip link s').candidates).toEqual(['set', 'show']);
    expect(complete('ip netns e').candidates).toEqual(['exec']);
    expect(complete('ip netns exec b').candidates).toEqual(['blue']);
    expect(complete('ip link set veth0 ').candidates).toContain('netns');
    expect(complete('ip link set veth0 promisc ').candidates).toEqual(['off', 'on']);
    expect(complete('ip -n ').candidates).toEqual(['blue', 'red']);
    expect(complete('ip -f i').candidates).toEqual(['inet', 'inet6', 'ipx']);
    expect(complete('ip link set v').candidates).toEqual(['veth-blue']);
    expect(complete('ip addr add 10.0.0.1/24 dev e').candidates).toEqual(['eth0']);
    expect(complete('ip link show ').candidates).toEqual(['dev', 'eth0', 'group', 'lo', 'up', 'veth-blue']);
    expect(complete('ip link show dev l').candidates).toEqual(['lo']);
    expect(complete('ip link set dev m').candidates).toEqual(['mtu', 'multicast']);
    expect(complete('ip a show d').candidates).toEqual(['dadfailed', 'deprecated', 'dev', 'dynamic']);
    // what the script leaves alone: abbreviations outside its case labels, the value after
    // `netns`, the command run by `ip netns exec`, anything after `-n NAME` (it takes NAME for the object)
    expect(complete('ip li s').candidates).toEqual([]);
    expect(complete('ip neighbour ').candidates).toEqual([]);
    expect(complete('ip link set veth0 netns r').candidates).toEqual([]);
    expect(complete('ip netns exec blue i').candidates).toEqual([]);
    expect(complete('ip -n blue l').candidates).toEqual([]);
  });

  it('completes a command word that is a path to executables and directories only, as bash does', () => {
    expect(complete('bin/set').candidates).toEqual(['bin/sets/', 'bin/setup.sh']);
    expect(complete('cat bin/set').candidates).toEqual(['bin/sets/', 'bin/settings.txt', 'bin/setup.sh']);
    expect(complete('ls | bin/settings').candidates).toEqual([]);
  });

  it('completes directories only after cd and pushd (bash-completion _cd)', () => {
    expect(complete('cd ').candidates).toEqual(['bin/', 'manifests/']);
    expect(complete('pushd m').candidates).toEqual(['manifests/']);
    expect(complete('cd bin/set').candidates).toEqual(['bin/sets/']);
    expect(complete('ls ').candidates).toEqual(['.bashrc', 'bin/', 'manifests/', 'web-svc.yaml', 'web.yaml']);
  });

  it('completes $NAME to variable names, in command and argument position', () => {
    expect(complete('echo $HO').candidates).toEqual(['$HOME', '$HOSTNAME']);
    expect(complete('$PW').candidates).toEqual(['$PWD']);
    expect(complete('echo $(ca').candidates).toEqual(['cat']); // a command substitution starts a command
  });
});
