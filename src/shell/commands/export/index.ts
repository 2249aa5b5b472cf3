/** `export [-n] [NAME[=VALUE]…]`; without names, `-p` style listing (`declare -x NAME="v"`). */
import type { Command } from '../../types.ts';

export const command: Command = {
  name: 'export',
  summary: 'Set export attribute for shell variables.',
  async run(ctx) {
    const vars = ctx.shell?.vars ?? ctx.env;
    let unexport = false;
    let status = 0;
    const names: string[] = [];
    for (const a of ctx.args) {
      if (a === '-n') unexport = true;
      else if (a === '-p' || a === '-f' || a === '--') continue;
      else if (a.startsWith('-')) {
        ctx.stderr.write(`bash: export: ${a.slice(0, 2)}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
        return 2;
      } else names.push(a);
    }
    if (names.length === 0) {
      const exported = vars.exported();
      for (const name of Object.keys(exported).sort()) {
        ctx.stdout.write(`declare -x ${name}="${exported[name].replace(/(["\\$`])/g, '\\$1')}"\n`);
      }
      return 0;
    }
    for (const a of names) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(0, eq) : a;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        ctx.stderr.write(`bash: export: \`${a}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (eq >= 0) vars.set(name, a.slice(eq + 1));
      if (unexport) {
        const v = vars.get(name);
        vars.unset(name);
        if (v !== undefined) vars.set(name, v);
      } else vars.export(name);
    }
    return status;
  },
};
