/** Shared pieces of the `ip` subcommands: context, iproute2's error texts and exit codes. */
import type { NetNamespace } from '../../../emulator/linux/namespaces.ts';
import type { Network } from '../../../emulator/linux/net/network.ts';
import type { Link } from '../../../emulator/linux/net/stack.ts';
import type { CommandContext } from '../../types.ts';
import type { Flavor } from './format.ts';

/** What every subcommand gets: the namespace to act in and global options. */
export interface IpContext {
  ctx: CommandContext;
  netns: NetNamespace;
  net: Network;
  brief: boolean;
  family?: 4 | 6;
  /** iproute2 on Debian, BusyBox's applet in alpine/busybox roots. */
  flavor: Flavor;
}

/** Thrown inside a subcommand to end `ip` with a message and status (never escapes `ip`). */
export class IpExit extends Error {
  readonly status: number;
  readonly text: string;
  constructor(text: string, status: number) {
    super(text);
    this.text = text;
    this.status = status;
  }
}

/**
 * lib/utils.c family_name_verbose(): how get_prefix()/get_addr() name the expected family in
 * "Error: %s prefix is expected rather than …" — "any valid" before a family is known (no -4/-6
 * and no address parsed yet), else "inet"/"inet6".
 */
export function familyVerbose(family: 4 | 6 | undefined): string {
  if (family === undefined) return 'any valid';
  return family === 4 ? 'inet' : 'inet6';
}

/** `RTNETLINK answers: File exists` (exit 2). */
export function rtnetlink(strerror: string): IpExit {
  return new IpExit(`RTNETLINK answers: ${strerror}\n`, 2);
}

/** A kernel extack message, e.g. `Error: Nexthop has invalid gateway.` (exit 2). */
export function extack(message: string): IpExit {
  return new IpExit(`Error: ${message}\n`, 2);
}

/** `Cannot find device "veth9"` (exit 1). */
export function noDevice(name: string): IpExit {
  return new IpExit(`Cannot find device "${name}"\n`, 1);
}

/** invarg(): `Error: argument "x" is wrong: MSG` (exit 255). */
export function invarg(message: string, arg: string): IpExit {
  return new IpExit(`Error: argument "${arg}" is wrong: ${message}\n`, 255);
}

/** duparg(): `Error: duplicate "dev": "x" is the second value.` (exit 255). */
export function duparg(key: string, arg: string): IpExit {
  return new IpExit(`Error: duplicate "${key}": "${arg}" is the second value.\n`, 255);
}

/** `Command "x" is unknown, try "ip link help".` (exit 255). */
export function unknownCommand(cmd: string, object: string): IpExit {
  return new IpExit(`Command "${cmd}" is unknown, try "ip ${object} help".\n`, 255);
}

/** The link `name` in `netns`, or throws `Cannot find device`. */
export function findLink(netns: NetNamespace, name: string): Link {
  const link = netns.stack.link(name);
  if (!link) throw noDevice(name);
  return link;
}

/** iproute2's matches(): `arg` is a non-empty prefix of `word`. */
export function matches(arg: string, word: string): boolean {
  return arg.length > 0 && word.startsWith(arg);
}

/** A plain statement that a real ip feature is not emulated. */
export function notAvailable(what: string): IpExit {
  return new IpExit(`petlab: '${what}' is not available in this lab\n`, 1);
}
