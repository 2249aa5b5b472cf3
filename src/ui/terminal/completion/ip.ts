/**
 * Completion for iproute2's `ip`: objects, their subcommands, namespace names for `ip netns`
 * and `ip link set … netns`, and the command after `ip netns exec <name>`.
 */
import type { CompletionSources } from './sources.ts';
import type { CompletionResult } from './types.ts';
import { matching, positional, type WordContext } from './words.ts';

/** `ip help` objects we care about (iproute2 6.1 on Debian 12). */
export const IP_OBJECTS = ['address', 'link', 'neighbour', 'netns', 'route', 'rule'] as const;

const SUBCOMMANDS: Record<string, readonly string[]> = {
  address: ['add', 'delete', 'flush', 'show'],
  link: ['add', 'delete', 'set', 'show'],
  neighbour: ['add', 'delete', 'flush', 'show'],
  netns: ['add', 'attach', 'delete', 'exec', 'identify', 'list', 'list-id', 'pids', 'set'],
  route: ['add', 'append', 'change', 'delete', 'flush', 'get', 'replace', 'show'],
  rule: ['add', 'delete', 'flush', 'list'],
};

/** iproute2 accepts any unique prefix of an object: `ip a`, `ip addr`, `ip l`, `ip r`. */
function objectFor(word: string): string | undefined {
  if (word === 'a' || word === 'addr') return 'address';
  if (word === 'n' || word === 'neigh') return 'neighbour';
  return IP_OBJECTS.find((o) => o.startsWith(word));
}

/**
 * Completes an `ip` command line. Returns `undefined` when the word is a command to run inside
 * a namespace (`ip netns exec blue <Tab>`), so the caller completes it as a command line.
 */
export function completeIp(sources: CompletionSources, ctx: WordContext, to: number): CompletionResult | undefined {
  const { words, current, from } = ctx;
  const result = (candidates: string[]): CompletionResult => ({ from, to, candidates });
  const netns = () => [...(sources.netnsNames?.() ?? [])];
  // ip's global options that take a value (ip(8): -n/-net/-netns, -f/-family, -b/-batch, -rc/-rcvbuf, -l/-loops)
  if (['-n', '-net', '-netns'].includes(words[words.length - 1])) return result(matching(netns(), current));
  const args = positional(words, ['-n', '-net', '-netns', '-f', '-family', '-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops']);
  if (args.length === 0) return result(matching(IP_OBJECTS, current));
  const object = objectFor(args[0]);
  if (!object) return result([]);
  if (args.length === 1) return result(matching(SUBCOMMANDS[object] ?? [], current));
  if (object === 'netns') {
    const sub = args[1];
    if (['delete', 'exec', 'pids', 'identify', 'set'].includes(sub) && args.length === 2) return result(matching(netns(), current));
    if (sub === 'exec' && args.length >= 3) return undefined;
  }
  if (words[words.length - 1] === 'netns') return result(matching(netns(), current));
  return result([]);
}
