/**
 * What `kubectl exec` prints when the program cannot be started in the container: runc refuses
 * the execve, containerd's CRI Exec wraps runc's words, the kubelet's streaming server turns the
 * error into a 500 Status ("Internal error occurred: …", applied twice on the way to the client)
 * and kubectl prints it as `error: …`, exit 1.
 *
 * Words, outermost first: kubectl cmdutil `error: `; apimachinery NewInternalError
 * `Internal error occurred: ` (twice, as pasted from clusters since 1.29); the streaming server's
 * `error executing command in container: `; containerd internal/cri/server execInternal's
 * `failed to exec in container: failed to start exec "<exec id>": `; the runc shim's
 * `OCI runtime exec failed: `; runc 1.2 `exec failed: unable to start container process: exec:
 * "<prog>": executable file not found in $PATH` (a name) or `stat <path>: no such file or
 * directory` (a path). containerd 2.x returns no `: unknown` after it: containerd/errdefs v1's
 * errgrpc.ToNative gives an unknown-class error its own message (errUnknown.WithMessage), where
 * containerd 1.7 appended `: unknown` — 2025/2026 pastes from 2.x clusters end at `$PATH`.
 */
import type { Process } from '../../../../emulator/linux/process.ts';
import type { Rng } from '../../../../emulator/rng.ts';
import { onPath } from '../../linux-common/exec-program.ts';
import { KubectlExit } from '../errors.ts';

/**
 * The KubectlExit for `kubectl exec` of `program` in the exec process `proc`, or undefined when
 * runc would start it (it resolves on the container's $PATH, or is a path to a file). The exec
 * id is 64 hex digits from the world's seeded rng, as containerd's random exec ids.
 */
export function execStartFailure(proc: Process, program: string, rng: Rng): KubectlExit | undefined {
  if (onPath(proc, program)) return undefined;
  const why = program.includes('/') ? `stat ${program}: no such file or directory` : 'executable file not found in $PATH';
  return new KubectlExit(
    `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${rng.hex(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${why}\n`,
  );
}
