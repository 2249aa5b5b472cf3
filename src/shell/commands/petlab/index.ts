/**
 * `petlab`: the lab's own helper for fault injection. `petlab node stop NODE` takes a node down
 * (its kubelet stops reporting, its containers stop), `petlab node start NODE` brings it back,
 * so lessons can show what a real cluster does when a machine dies. Not a real-world tool, so
 * its texts are our own; everything it changes is visible through kubectl.
 */
import type { Command, CommandContext } from '../../types.ts';
import { clusterOf } from '../kubectl/cluster-bridge.ts';

const USAGE = `usage: petlab node stop NODE    take a Kubernetes node down (kubelet and containers stop)
       petlab node start NODE   bring it back
`;

async function run(ctx: CommandContext): Promise<number> {
  const [group, action, node, ...rest] = ctx.args;
  if (group === undefined || group === '-h' || group === '--help' || group === 'help') {
    ctx.stdout.write(USAGE);
    return group === undefined ? 2 : 0;
  }
  if (group !== 'node' || (action !== 'stop' && action !== 'start') || !node || rest.length > 0) {
    ctx.stderr.write(`petlab: unknown command: ${ctx.args.join(' ')}\n${USAGE}`);
    return 2;
  }
  const cluster = clusterOf(ctx.world);
  const fn = action === 'stop' ? cluster?.stopNode : cluster?.startNode;
  if (!cluster || !fn) {
    ctx.stderr.write('petlab: this lab has no Kubernetes cluster\n');
    return 1;
  }
  if (!cluster.store.tryGet('nodes', undefined, node)) {
    ctx.stderr.write(`petlab: node "${node}" not found\n`);
    return 1;
  }
  try {
    fn.call(cluster, node);
  } catch (e) {
    ctx.stderr.write(`petlab: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  ctx.world.markChanged();
  ctx.stdout.write(action === 'stop' ? `node ${node} stopped: its kubelet and containers are down\n` : `node ${node} started\n`);
  return 0;
}

export const command: Command = {
  name: 'petlab',
  summary: 'Lab helper: petlab node stop|start NODE (simulate a node failure)',
  run,
};

export default command;
