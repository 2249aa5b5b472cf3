/**
 * What a container's main process does, decided from its image and command: serve forever,
 * sleep for a while, or exit with a code. Shell images without a command exit at once (so a bare
 * `busybox` pod crash-loops, as on a real cluster). Whether it stops on SIGTERM decides how long
 * termination takes: a shell or `sleep` as PID 1 ignores SIGTERM and is killed at the deadline.
 */
import type { Container } from '../api/types.ts';
import type { ImageInfo } from './images.ts';

export interface Behaviour {
  /** Runs until stopped, or exits after `exitAfterMs` with `exitCode`. */
  exitAfterMs?: number;
  exitCode: number;
  /** Stops promptly on SIGTERM (servers); otherwise waits for SIGKILL at the grace deadline. */
  handlesSigterm: boolean;
  /** Ports it listens on. */
  ports: number[];
  /** Its argv as `ps` shows it. */
  argv: string[];
  /** Text it writes to stdout when it starts (kubectl logs). */
  startupLog: string[];
  /** File changes and output a `sh -c` script makes over time (the docs' liveness example). */
  steps?: ScriptStep[];
  /**
   * A short-lived program (nslookup, echo, date, `sh -c "…"`): when the cluster has a program
   * runner (installed by the shell), the kubelet runs this argv in the container and takes its
   * output as the log and its status as the exit code; `exitAfterMs`/`exitCode` are the fallback.
   */
  program?: string[];
}

/** One effect of a shell script, `afterMs` from the container's start. */
export interface ScriptStep {
  afterMs: number;
  op: 'touch' | 'rm' | 'write' | 'append' | 'log';
  path?: string;
  text?: string;
}

/**
 * Reads a simple `sh -c` script — commands joined by `;`, `&&` or newlines: `sleep N`, `touch F`,
 * `rm [-f] F`, `echo T [> F | >> F]`, `exit N` — into timed steps. Returns undefined for scripts
 * with loops or anything else it cannot follow.
 */
export function parseScript(script: string): { steps: ScriptStep[]; endMs: number; exitCode: number } | undefined {
  if (/\b(while|until|for|if)\b|\||`|\$\(/.test(script)) return undefined;
  const steps: ScriptStep[] = [];
  let t = 0;
  for (const raw of script.split(/;|&&|\n/)) {
    const cmd = raw.trim();
    if (!cmd) continue;
    let m: RegExpMatchArray | null;
    if ((m = cmd.match(/^sleep\s+(\d+(?:\.\d+)?)$/))) t += Number(m[1]) * 1000;
    else if ((m = cmd.match(/^touch\s+(\S+)$/))) steps.push({ afterMs: t, op: 'touch', path: m[1] });
    else if ((m = cmd.match(/^rm\s+(?:-\w+\s+)*(\S+)$/))) steps.push({ afterMs: t, op: 'rm', path: m[1] });
    else if ((m = cmd.match(/^echo\s+(?:"([^"]*)"|'([^']*)'|(.*?))\s*(>>?)\s*(\S+)$/))) steps.push({ afterMs: t, op: m[4] === '>>' ? 'append' : 'write', path: m[5], text: `${m[1] ?? m[2] ?? m[3] ?? ''}\n` });
    else if ((m = cmd.match(/^echo\s+(?:"([^"]*)"|'([^']*)'|(.*))$/))) steps.push({ afterMs: t, op: 'log', text: m[1] ?? m[2] ?? m[3] ?? '' });
    else if ((m = cmd.match(/^exit\s+(\d+)$/))) return { steps, endMs: t + 20, exitCode: Number(m[1]) };
    else if (/^(true|:)$/.test(cmd)) continue;
    else return undefined;
  }
  return { steps, endMs: t + 20, exitCode: 0 };
}

/** Decides the behaviour of `container` running `image`. */
export function behaviourOf(container: Container, image: ImageInfo): Behaviour {
  const cmd = [...(container.command ?? []), ...(container.args ?? [])];
  const argv = cmd.length ? cmd : container.command ? cmd : [...image.argv, ...(container.args ?? [])];
  if (!container.command && image.main === 'server') {
    return { exitCode: 0, handlesSigterm: true, ports: image.ports, argv, startupLog: serverLog(image) };
  }
  if (!container.command && (image.main === 'pause' || image.main === 'dns')) {
    return { exitCode: 0, handlesSigterm: true, ports: image.ports, argv, startupLog: [] };
  }
  const script = cmd.join(' ');
  if (image.main === 'server' && !/\b(sleep|exit|echo|while|until|false|true)\b/.test(script)) {
    // A server image run with its own binary and flags (static pods, daemons): it serves.
    return { exitCode: 0, handlesSigterm: true, ports: image.ports, argv, startupLog: serverLog(image) };
  }
  if (container.stdin && (cmd.length === 0 || (cmd.length === 1 && /(^|\/)(sh|bash|ash)$/.test(cmd[0])))) {
    // `kubectl run -i[t] … -- sh`: the shell reads the attached stdin, so it runs until stopped.
    return { exitCode: 0, handlesSigterm: false, ports: [], argv, startupLog: [] };
  }
  if (cmd.length === 0 || (cmd.length === 1 && /(^|\/)(sh|bash|ash)$/.test(cmd[0]))) {
    // A shell with no script and no terminal reads EOF and exits 0.
    return { exitCode: 0, exitAfterMs: 50, handlesSigterm: false, ports: [], argv, startupLog: [] };
  }
  const shell = cmd.length >= 3 && /(^|\/)(sh|bash|ash)$/.test(cmd[0]) && cmd[1] === '-c' ? cmd.slice(2).join(' ') : undefined;
  const parsed = shell !== undefined ? parseScript(shell) : undefined;
  if (parsed) {
    // A script without sleeps runs through the program runner when there is one (real output).
    return { exitCode: parsed.exitCode, exitAfterMs: parsed.endMs, handlesSigterm: false, ports: [], argv, startupLog: [], steps: parsed.steps, ...(parsed.endMs <= 20 ? { program: cmd } : {}) };
  }
  const exit = script.match(/\bexit\s+(\d+)/);
  // Servers are recognised by the program names in the command (`nginx -g …`, `python -m
  // http.server`), not by words in its arguments (`nslookup web-0.nginx` is no server).
  const programs = (shell ?? cmd.join(' ')).split(/[;&|\n]+/).map((c) => c.trim().split(/\s+/)[0]?.split('/').pop() ?? '');
  const serves = programs.some((p) => /^(nginx|httpd|httpd-foreground)$/.test(p)) || /\bhttp\.server\b/.test(script);
  if (/\b(while|until)\b.*\b(true|:)\b|sleep\s+(infinity|inf)\b|tail\s+-f/.test(script) || serves) {
    return { exitCode: 0, handlesSigterm: serves, ports: serves && !/http\.server/.test(script) ? [80] : [], argv, startupLog: echoes(script) };
  }
  const sleep = script.match(/\bsleep\s+(\d+(?:\.\d+)?)/);
  if (sleep) {
    const ms = Number(sleep[1]) * 1000;
    return { exitCode: exit ? Number(exit[1]) : 0, exitAfterMs: ms, handlesSigterm: false, ports: [], argv, startupLog: echoes(script) };
  }
  if (exit) return { exitCode: Number(exit[1]), exitAfterMs: 50, handlesSigterm: false, ports: [], argv, startupLog: echoes(script), program: cmd };
  if (/^(false|\/bin\/false)$/.test(script.trim())) return { exitCode: 1, exitAfterMs: 20, handlesSigterm: false, ports: [], argv, startupLog: [], program: cmd };
  // Anything else (echo, date, true, nslookup…) finishes quickly and succeeds.
  return { exitCode: 0, exitAfterMs: 50, handlesSigterm: false, ports: [], argv, startupLog: echoes(script), program: cmd };
}

function echoes(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/echo\s+(?:"([^"]*)"|'([^']*)'|([^;&|]+))/g)) out.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  return out;
}

function serverLog(image: ImageInfo): string[] {
  if (image.ref.includes('nginx')) {
    return [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ];
  }
  return [];
}
