/**
 * util-linux 2.38.1 (Debian 12) lsns finds namespaces only through processes (/proc/PID/ns/*):
 * "show persistent namespace, add --persistent" came in v2.39 (Documentation/releases/
 * v2.39-ReleaseNotes, lsns section). So a namespace only held by a bind mount (`ip netns add`)
 * is not listed until a process enters it; then NSFS shows the bind mount.
 */
import { describe } from 'vitest';
import { describeCases } from '../../testing/cases.ts';

describe('lsns and namespaces held by bind mounts (2.38)', () => {
  describeCases('lsns', [
    ['ip netns add blue', '', '', 0],
    ['lsns -t net', '        NS TYPE  NPROCS   PID USER    NETNSID NSFS COMMAND\n4026531840 net        3     1 root unassigned      /sbin/init\n', '', 0],
    ['lsns --persistent', '', "lsns: unrecognized option '--persistent'\nTry 'lsns --help' for more information.\n", 1],
    ['ip netns exec blue sleep 100 &', '', '[1] 1004\n', 0],
    ['lsns -t net -o NS,NPROCS,NSFS,COMMAND', '        NS NPROCS NSFS            COMMAND\n4026531840      4                 /sbin/init\n4026532161      1 /run/netns/blue sleep 100\n', '', 0],
  ]);
});
