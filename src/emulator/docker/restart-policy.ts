/**
 * Restart policies as dockerd's restartmanager applies them: parsing `--restart` into the API's
 * RestartPolicy, and the verdict after an exit.
 */
import { DockerError } from './errors.ts';
import type { Container } from './types.ts';

/**
 * `--restart no|always|unless-stopped|on-failure[:N]` as the API's RestartPolicy. Errors with
 * docker/cli's wording for unknown policies.
 */
export function parseRestart(text: string | undefined): { Name: string; MaximumRetryCount: number } {
  if (text === undefined || text === '' || text === 'no') return { Name: 'no', MaximumRetryCount: 0 };
  const [name, max] = text.split(':');
  if (!['always', 'unless-stopped', 'on-failure'].includes(name) || (max !== undefined && (name !== 'on-failure' || !/^\d+$/.test(max)))) {
    if (max !== undefined && name !== 'on-failure' && ['always', 'unless-stopped'].includes(name)) {
      throw new DockerError('invalid-parameter', `invalid restart policy: maximum retry count can only be used with 'on-failure'`);
    }
    throw new DockerError('invalid-parameter', `invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
  return { Name: name, MaximumRetryCount: max === undefined ? 0 : Number(max) };
}

/** The restart policy's verdict for an exit with `code`. */
export function shouldRestart(c: Container, code: number): boolean {
  const { Name: name, MaximumRetryCount: max } = c.hostConfig.restartPolicy;
  if (name === 'always' || name === 'unless-stopped') return true;
  if (name === 'on-failure') return code !== 0 && (max === 0 || c.restartCount < max);
  return false;
}
