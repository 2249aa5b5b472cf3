/**
 * Image references as distribution/reference parses them: `[registry/][namespace/]name[:tag][@digest]`.
 * Docker Hub "familiar" names (`nginx`, `library/nginx`, `docker.io/library/nginx:latest`) all
 * mean the same repository.
 */
import { DockerError } from './errors.ts';

/** A parsed image reference, normalized as Docker Hub names it. */
export interface ImageReference {
  /** Registry host, `docker.io` for Hub. */
  readonly domain: string;
  /** Path in the registry, `library/nginx` for official images. */
  readonly path: string;
  readonly tag: string;
  /** True when the user wrote no tag (`docker pull` then prints "Using default tag: latest"). */
  readonly defaultTag: boolean;
  readonly digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * Parses a reference. Throws DockerError with distribution's wording: `invalid reference format`
 * or `invalid reference format: repository name (library/Foo) must be lowercase`.
 */
export function parseReference(text: string): ImageReference {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw invalid();
  }
  let tag = '';
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) throw invalid();
  }
  if (rest === '') throw invalid();
  let domain = 'docker.io';
  let parts = rest.split('/');
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    domain = parts[0];
    parts = parts.slice(1);
  }
  if (domain === 'docker.io' && parts.length === 1) parts = ['library', ...parts];
  const path = parts.join('/');
  for (const p of parts) {
    if (!COMPONENT.test(p)) {
      if (COMPONENT.test(p.toLowerCase())) {
        throw new DockerError('invalid-parameter', `invalid reference format: repository name (${path}) must be lowercase`);
      }
      throw invalid();
    }
  }
  return { domain, path, tag: tag || 'latest', defaultTag: tag === '' && !digest, digest };
}

function invalid(): DockerError {
  return new DockerError('invalid-parameter', 'invalid reference format');
}

/** `nginx:latest`, `bitnami/redis:7` — the familiar form Docker prints. */
export function familiarName(ref: ImageReference): string {
  const repo = familiarRepo(ref);
  return `${repo}:${ref.tag}`;
}

/** `nginx`, `bitnami/redis`, `ghcr.io/x/y`. */
export function familiarRepo(ref: ImageReference): string {
  if (ref.domain !== 'docker.io') return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path;
}

/** `docker.io/library/nginx:latest`, as `docker pull` prints last. */
export function canonicalName(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}:${ref.tag}`;
}
