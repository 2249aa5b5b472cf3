/**
 * Completion for iproute2's `ip`, as bash-completion's `_comp_cmd_ip` (completions/ip, the
 * package Debian 12 installs) does it: the objects are `help` plus the OBJECT list of `ip help`
 * (parsed from the same text the emulated `ip` prints), each object's subcommands from the
 * script's own word lists, namespace names after `-n`/`-netns` and after `ip netns
 * delete|exec|pids|set`, interfaces where it offers them (`ip link set <Tab>`, `… dev <Tab>`,
 * `ip a show <Tab>`), families after `-f`, files after `-b`. The script knows objects only by
 * the names its `case` lists (`l`/`link`, `a`/`addr`/`address`, `r`/`route`, `neigh`…): other
 * abbreviations complete nothing further, and neither does the command after `ip netns exec NAME`.
 */
import { IP_USAGE } from '../../../shell/commands/ip/usage.ts';
import { completePath } from './paths.ts';
import type { CompletionSources } from './sources.ts';
import type { CompletionResult } from './types.ts';
import { matching, type WordContext } from './words.ts';

/** `help` and the objects of `ip help` (bash-completion's sed over the OBJECT := { … } block). */
export const IP_OBJECTS: readonly string[] = [
  'help',
  ...(/OBJECT := \{([^}]*)\}/.exec(IP_USAGE)?.[1] ?? '').split(/[\s|]+/).filter((w) => w !== ''),
];

/** Subcommand words per object name as the script's `case` labels spell them. */
const SUBCOMMANDS: [readonly string[], readonly string[]][] = [
  [['l', 'link'], ['help', 'add', 'delete', 'set', 'show']],
  [['a', 'addr', 'address'], ['help', 'add', 'change', 'replace', 'del', 'show', 'flush']],
  [['addrlabel'], ['help', 'list', 'add', 'del', 'flush']],
  [['r', 'route'], ['help', 'list', 'flush', 'get', 'add', 'del', 'change', 'append', 'replace']],
  [['rule'], ['help', 'add', 'del', 'list', 'flush', 'save', 'restore', 'show']],
  [['neigh'], ['help', 'add', 'del', 'change', 'replace', 'show', 'flush']],
  [['ntable'], ['help', 'change', 'show']],
  [['tunnel'], ['help', 'add', 'change', 'del', 'show', 'prl', '6rd']],
  [['maddr'], ['help', 'add', 'del', 'show']],
  [['mroute'], ['help', 'show']],
  [['netns'], ['help', 'add', 'delete', 'exec', 'identify', 'list', 'list-id', 'monitor', 'pids', 'set']],
  [['xfrm'], ['state', 'policy', 'monitor']],
];

/** `ip link set DEV <Tab>`: the settings the script offers (up/down unless just given). */
const LINK_SET_WORDS = ['arp', 'dynamic', 'multicast', 'allmulticast', 'promisc', 'trailers', 'txqueuelen', 'name', 'address', 'broadcast', 'mtu', 'netns', 'alias'];
/** Settings followed by a value the script does not complete. */
const LINK_SET_VALUES = new Set(['txqueuelen', 'name', 'address', 'broadcast', 'mtu', 'netns', 'alias']);
const ON_OFF = new Set(['arp', 'dynamic', 'multicast', 'allmulticast', 'promisc', 'trailers']);

/** Completes the word described by `ctx` for an `ip` command line. */
export function completeIp(sources: CompletionSources, ctx: WordContext, to: number): CompletionResult {
  const { words, current, from } = ctx;
  const result = (candidates: readonly string[]): CompletionResult => ({ from, to, candidates: matching(candidates, current) });
  const netns = () => [...(sources.netnsNames?.() ?? [])];
  const prev = words[words.length - 1];
  if (['-V', '-Version', '-rc', '-rcvbuf', '-l', '-loops'].includes(prev)) return result([]);
  if (prev === '-f' || prev === '-family') return result(['inet', 'inet6', 'ipx', 'dnet', 'link']);
  if (prev === '-b' || prev === '-batch') return completePath(sources, current, from, to);
  if (prev === '-n' || prev === '-netns') return result(netns());
  if (prev === '-force') return result(['-batch']);

  // the object is the first word not an option nor the value of -f/-rc; the subcommand follows it
  let at = 1;
  for (; at < words.length; at++) {
    if (/^-b(atch)?$/.test(words[at])) return result([]);
    if (!words[at].startsWith('-') && !/^-(f(amily)?|rc(vbuf)?)$/.test(words[at - 1])) break;
  }
  if (at >= words.length) return current.startsWith('-') ? result([]) : result(IP_OBJECTS);
  const object = words[at];
  const sub = words[at + 1];
  const afterSub = words.length - (at + 2); // words typed after the subcommand
  if (sub === undefined) {
    if (object === 'netconf') return result(['show']);
    return result(SUBCOMMANDS.find(([names]) => names.includes(object))?.[1] ?? []);
  }
  if (sub === 'help') return result([]);
  const ifaces = () => [...(sources.interfaces?.() ?? [])];
  const isLink = object === 'l' || object === 'link';
  const isAddr = object === 'a' || object === 'addr' || object === 'address';
  // `dev <Tab>` where the script has it (for ip link only under show: `ip link set dev` gets the settings)
  if (prev === 'dev' && ((isLink && sub === 'show') || isAddr || ['r', 'route', 'maddr', 'netconf', 'addrlabel'].includes(object))) return result(ifaces());
  if (isLink && (sub === 'set' || sub === 'delete') && afterSub === 0) return result(ifaces());
  if (isLink && sub === 'show' && afterSub === 0) return result([...ifaces(), 'dev', 'group', 'up']);
  if (isAddr && (sub === 'show' || sub === 'flush') && afterSub === 0) {
    return result([...ifaces(), 'dev', 'scope', 'to', 'label', 'dynamic', 'permanent', 'tentative', 'deprecated', 'dadfailed', 'temporary', 'primary', 'secondary', 'up']);
  }
  if (object === 'netns' && ['delete', 'exec', 'pids', 'set'].includes(sub) && afterSub === 0) return result(netns());
  if ((object === 'l' || object === 'link') && sub === 'set' && afterSub >= 1) {
    if (ON_OFF.has(prev)) return result(['on', 'off']);
    if (LINK_SET_VALUES.has(prev)) return result([]);
    return result(prev === 'up' || prev === 'down' ? LINK_SET_WORDS : [...LINK_SET_WORDS, 'up', 'down']);
  }
  return result([]);
}
