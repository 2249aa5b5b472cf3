/**
 * `docker version` and `docker --version` of the emulated Docker Engine - Community 28.5 on
 * linux/amd64 (docker/cli cli/command/system/version.go template). The version numbers and
 * commits are the lab's chosen release, stated once here.
 */
import { parseOrUsage, type Subcommand } from './common.ts';

export const DOCKER_VERSION = '28.5.2';
export const CLI_COMMIT = 'ecc6942';

const TEXT = `Client: Docker Engine - Community
 Version:           ${DOCKER_VERSION}
 API version:       1.51
 Go version:        go1.24.9
 Git commit:        ${CLI_COMMIT}
 Built:             Wed Nov  5 14:43:36 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          ${DOCKER_VERSION}
  API version:      1.51 (minimum version 1.24)
  Go version:       go1.24.9
  Git commit:       89c5e8f
  Built:            Wed Nov  5 14:43:36 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          v1.7.28
  GitCommit:        b98a3aace656320842a23f4a392a33f46af97866
 runc:
  Version:          1.3.0
  GitCommit:        v1.3.0-0-g4ca628d1
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;

/** `docker version`. */
export const version: Subcommand = {
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'format', short: 'f', kind: 'string' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.strings.has('format')) {
      ctx.stderr.write(`petlab: '${path} --format' is not available in this lab\n`);
      return 1;
    }
    ctx.stdout.write(TEXT);
    return 0;
  },
};
