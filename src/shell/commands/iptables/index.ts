/**
 * `iptables` (v1.8.9 nf_tables, Debian 12), the part the bridge lessons use: MASQUERADE rules
 * in the nat table's POSTROUTING chain (`-A`, `-D`, `-L [-n]`, `-S`) of the caller's network
 * namespace, which the packet path applies to forwarded traffic. Other rules say plainly that
 * they are not emulated.
 */
import { formatIp, parseCidr } from '../../../emulator/linux/net/ipv4.ts';
import type { Command, CommandContext } from '../../types.ts';

const CHAINS: Record<string, string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

interface Rule {
  src: number;
  prefix: number;
  outIf?: string;
  notOutIf?: string;
}

function ruleSpec(r: Rule): string {
  const src = r.prefix === 0 ? '' : ` -s ${formatIp(r.src)}/${r.prefix}`;
  const out = r.outIf ? ` -o ${r.outIf}` : r.notOutIf ? ` ! -o ${r.notOutIf}` : '';
  return `-A POSTROUTING${src}${out} -j MASQUERADE`;
}

async function run(ctx: CommandContext): Promise<number> {
  const args = [...ctx.args];
  let table = 'filter';
  let action: 'A' | 'D' | 'L' | 'S' | undefined;
  let chain: string | undefined;
  let numeric = false;
  const rule: Rule = { src: 0, prefix: 0 };
  let target: string | undefined;
  let negate = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--table') table = args[++i] ?? '';
    else if (a === '-A' || a === '--append' || a === '-D' || a === '--delete') {
      action = a === '-A' || a === '--append' ? 'A' : 'D';
      chain = args[++i];
    } else if (a === '-L' || a === '--list' || a === '-S' || a === '--list-rules') {
      action = a === '-L' || a === '--list' ? 'L' : 'S';
      if (args[i + 1] !== undefined && !args[i + 1].startsWith('-')) chain = args[++i];
    } else if (a === '-n' || a === '--numeric') numeric = true;
    else if (a === '-v') continue;
    else if (a === '!') negate = true;
    else if (a === '-s' || a === '--source') {
      const c = parseCidr(args[++i] ?? '');
      if (!c) {
        ctx.stderr.write(`iptables v1.8.9 (nf_tables): host/network \`${args[i]}' not found\nTry \`iptables -h' or 'iptables --help' for more information.\n`);
        return 2;
      }
      rule.src = c.ip;
      rule.prefix = c.prefix;
    } else if (a === '-o' || a === '--out-interface') {
      if (negate) rule.notOutIf = args[++i];
      else rule.outIf = args[++i];
      negate = false;
    } else if (a === '-j' || a === '--jump') target = args[++i];
    else {
      ctx.stderr.write(`petlab: 'iptables ${ctx.args.join(' ')}' is not available in this lab\n`);
      return 1;
    }
  }
  if (!CHAINS[table]) {
    ctx.stderr.write(`iptables v1.8.9 (nf_tables): table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`);
    return 3;
  }
  const stack = ctx.process.ns.net.stack;
  const masq = table === 'nat' ? stack.masquerade : [];
  if (action === 'A' || action === 'D') {
    if (table !== 'nat' || chain !== 'POSTROUTING' || target !== 'MASQUERADE') {
      ctx.stderr.write(`petlab: 'iptables ${ctx.args.join(' ')}' is not available in this lab\n`);
      return 1;
    }
    if (action === 'A') masq.push({ ...rule });
    else {
      const i = masq.findIndex((m) => m.src === rule.src && m.prefix === rule.prefix && m.outIf === rule.outIf && m.notOutIf === rule.notOutIf);
      if (i < 0) {
        ctx.stderr.write('iptables: Bad rule (does a matching rule exist in that chain?).\n');
        return 1;
      }
      masq.splice(i, 1);
    }
    ctx.world.markChanged();
    return 0;
  }
  const chains = CHAINS[table].filter((c) => chain === undefined || c === chain);
  if (chain !== undefined && chains.length === 0) {
    ctx.stderr.write(`iptables v1.8.9 (nf_tables): chain \`${chain}' in table \`${table}' is incompatible, use 'nft' tool.\n`);
    return 1;
  }
  if (action === 'S') {
    let out = chains.map((c) => `-P ${c} ACCEPT\n`).join('');
    if (chains.includes('POSTROUTING')) out += masq.map((m) => `${ruleSpec(m)}\n`).join('');
    ctx.stdout.write(out);
    return 0;
  }
  const header = `${'target'.padEnd(10)} prot opt ${'source'.padEnd(20)} ${'destination'.padEnd(20)}\n`;
  const blocks = chains.map((c) => {
    let block = `Chain ${c} (policy ACCEPT)\n${header}`;
    if (c === 'POSTROUTING') {
      for (const m of masq) {
        const src = m.prefix === 0 ? (numeric ? '0.0.0.0/0' : 'anywhere') : `${formatIp(m.src)}/${m.prefix}`;
        const dst = numeric ? '0.0.0.0/0' : 'anywhere';
        block += `${'MASQUERADE'.padEnd(10)}  ${'all'.padEnd(4)} --  ${src.padEnd(20)} ${dst.padEnd(20)}\n`;
      }
    }
    return block;
  });
  ctx.stdout.write(blocks.join('\n'));
  return 0;
}

export const command: Command = { name: 'iptables', summary: 'administration tool for IPv4 packet filtering and NAT', run };
export default command;
