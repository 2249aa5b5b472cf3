/**
 * The lazy command registry: name → loader. A command's code is only loaded the first time it
 * runs (or when `help` lists summaries), so a lesson page pays only for what the learner types.
 *
 * One line per command, sorted by name. Each loader imports a folder `./<name>/index.ts` that
 * exports the `Command` as `command` (or as its default export). Aliases point at the same folder
 * (`[` → test, `sh` → bash). Engineers who own a command add its line here.
 */
import type { Command } from '../types.ts';

/** What a loader resolves to: the command module. */
export interface CommandModule {
  command?: Command;
  default?: Command;
}

export type CommandLoader = () => Promise<CommandModule>;

export const registry: Readonly<Record<string, CommandLoader>> = {
  '.': () => import('./source/index.ts'),
  '[': () => import('./test/index.ts'),
  awk: () => import('./awk/index.ts'),
  base64: () => import('./base64/index.ts'),
  bash: () => import('./bash/index.ts'),
  bridge: () => import('./bridge/index.ts'),
  cat: () => import('./cat/index.ts'),
  cd: () => import('./cd/index.ts'),
  chmod: () => import('./chmod/index.ts'),
  chown: () => import('./chown/index.ts'),
  clear: () => import('./clear/index.ts'),
  cp: () => import('./cp/index.ts'),
  curl: () => import('./curl/index.ts'),
  cut: () => import('./cut/index.ts'),
  date: () => import('./date/index.ts'),
  docker: () => import('./docker/index.ts'),
  echo: () => import('./echo/index.ts'),
  egrep: () => import('./grep/index.ts'),
  env: () => import('./env/index.ts'),
  exit: () => import('./exit/index.ts'),
  export: () => import('./export/index.ts'),
  expr: () => import('./expr/index.ts'),
  false: () => import('./false/index.ts'),
  fgrep: () => import('./grep/index.ts'),
  getent: () => import('./getent/index.ts'),
  grep: () => import('./grep/index.ts'),
  head: () => import('./head/index.ts'),
  help: () => import('./help/index.ts'),
  history: () => import('./history/index.ts'),
  hostname: () => import('./hostname/index.ts'),
  id: () => import('./id/index.ts'),
  ip: () => import('./ip/index.ts'),
  iptables: () => import('./iptables/index.ts'),
  kill: () => import('./kill/index.ts'),
  kubectl: () => import('./kubectl/index.ts'),
  ln: () => import('./ln/index.ts'),
  ls: () => import('./ls/index.ts'),
  mawk: () => import('./awk/index.ts'),
  lsns: () => import('./lsns/index.ts'),
  mkdir: () => import('./mkdir/index.ts'),
  mount: () => import('./mount/index.ts'),
  mv: () => import('./mv/index.ts'),
  nc: () => import('./nc/index.ts'),
  nginx: () => import('./nginx/index.ts'),
  nsenter: () => import('./nsenter/index.ts'),
  nslookup: () => import('./nslookup/index.ts'),
  petlab: () => import('./petlab/index.ts'),
  ping: () => import('./ping/index.ts'),
  postgres: () => import('./postgres/index.ts'),
  printf: () => import('./printf/index.ts'),
  ps: () => import('./ps/index.ts'),
  pwd: () => import('./pwd/index.ts'),
  readlink: () => import('./readlink/index.ts'),
  rm: () => import('./rm/index.ts'),
  sed: () => import('./sed/index.ts'),
  seq: () => import('./seq/index.ts'),
  sh: () => import('./bash/index.ts'),
  sleep: () => import('./sleep/index.ts'),
  sort: () => import('./sort/index.ts'),
  source: () => import('./source/index.ts'),
  ss: () => import('./ss/index.ts'),
  stat: () => import('./stat/index.ts'),
  sysctl: () => import('./sysctl/index.ts'),
  tail: () => import('./tail/index.ts'),
  tee: () => import('./tee/index.ts'),
  test: () => import('./test/index.ts'),
  touch: () => import('./touch/index.ts'),
  tr: () => import('./tr/index.ts'),
  true: () => import('./true/index.ts'),
  type: () => import('./type/index.ts'),
  umount: () => import('./umount/index.ts'),
  uname: () => import('./uname/index.ts'),
  uniq: () => import('./uniq/index.ts'),
  unset: () => import('./unset/index.ts'),
  unshare: () => import('./unshare/index.ts'),
  watch: () => import('./watch/index.ts'),
  wc: () => import('./wc/index.ts'),
  wget: () => import('./wget/index.ts'),
  which: () => import('./which/index.ts'),
  whoami: () => import('./whoami/index.ts'),
  xargs: () => import('./xargs/index.ts'),
  yes: () => import('./yes/index.ts'),
};

let loading = 0;
const idleWaiters: (() => void)[] = [];
let loadDelay: ((name: string) => Promise<void>) | undefined;

/**
 * Test hook: awaits `delay(name)` before each command load (e.g. random real milliseconds), so
 * tests can check that slow or jittery module loading never changes virtual time. `undefined`
 * removes it.
 */
export function setLoadDelayForTests(delay: ((name: string) => Promise<void>) | undefined): void {
  loadDelay = delay;
}

/** Loads the command registered under `name`, or undefined if there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  if (!Object.hasOwn(registry, name)) return undefined;
  loading++;
  try {
    if (loadDelay) await loadDelay(name);
    const mod = await registry[name]();
    return mod.command ?? mod.default;
  } finally {
    if (--loading === 0) for (const w of idleWaiters.splice(0)) w();
  }
}

/**
 * Counts `load` (a dynamic import the shell itself makes, such as the regex matcher for `=~`) as
 * a module load in flight, so the session's virtual clock waits for it as for a command's code.
 */
export async function trackLoad<T>(load: () => Promise<T>): Promise<T> {
  loading++;
  try {
    return await load();
  } finally {
    if (--loading === 0) for (const w of idleWaiters.splice(0)) w();
  }
}

/**
 * Whether command modules are being loaded right now (host work: the session's virtual clock
 * waits for it instead of taking a slow load for a stuck command).
 */
export function loadsInFlight(): number {
  return loading;
}

/** Calls `fn` once no command module is loading. */
export function whenLoadsSettle(fn: () => void): void {
  if (loading === 0) fn();
  else idleWaiters.push(fn);
}

/**
 * Programs that only container images have (the nginx image's /usr/sbin/nginx, the postgres
 * image's /usr/lib/postgresql/17/bin/postgres), not the lab host:
 * tests that expect every command on the host leave them out. (mawk is on the host too: Debian 12's
 * /usr/bin/awk → /etc/alternatives/awk → /usr/bin/mawk.)
 */
export const IMAGE_ONLY_PROGRAMS: ReadonlySet<string> = new Set(['nginx', 'postgres']);

/** Registered command names, sorted. */
export function commandNames(): string[] {
  return Object.keys(registry).sort();
}
