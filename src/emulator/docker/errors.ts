/**
 * Errors of the emulated Docker daemon. `message` is the daemon's text exactly as the API returns
 * it (the CLI adds "Error response from daemon: "); `code` mirrors moby's errdefs classes so the
 * CLI can pick exit statuses and wording without parsing text.
 */
export type DockerErrorCode =
  | 'not-found'
  | 'conflict'
  | 'invalid-parameter'
  | 'forbidden'
  | 'unavailable'
  | 'system';

/** A daemon error: `message` is the API text, `code` its errdefs class. */
export class DockerError extends Error {
  readonly code: DockerErrorCode;
  constructor(code: DockerErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** `No such container: <ref>` (moby daemon/errors.go containerNotFound). */
export function noSuchContainer(ref: string): DockerError {
  return new DockerError('not-found', `No such container: ${ref}`);
}

/** `network <ref> not found` (libnetwork ErrNoSuchNetwork as the API returns it). */
export function networkNotFound(ref: string): DockerError {
  return new DockerError('not-found', `network ${ref} not found`);
}

/** `No such image: <ref>`. */
export function noSuchImage(ref: string): DockerError {
  return new DockerError('not-found', `No such image: ${ref}`);
}

/** The container is not running (exec, attach, kill, pause…): `container <id> is not running`. */
export function notRunning(id: string): DockerError {
  return new DockerError('conflict', `container ${id} is not running`);
}
