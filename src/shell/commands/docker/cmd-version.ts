/**
 * `docker version` and `docker --version` of the emulated Docker Engine - Community 28.3.3 on
 * linux/amd64 (docker/cli cli/command/system/version.go template). Every number and commit id is
 * the real 28.3.3 release as `docker version` prints it on Ubuntu with Docker's apt packages
 * (transcript in canonical/docker-snap#315, 2025-08-15): CLI 980b856, engine bea959c, Go 1.24.5,
 * API 1.51, containerd.io 1.7.27, runc 1.2.5, docker-init 0.19.0.
 */
import { parseOrUsage, type Subcommand } from './common.ts';

export const DOCKER_VERSION = '28.3.3';
export const CLI_COMMIT = '980b856';

const TEXT = `Client: Docker Engine - Community
 Version:           ${DOCKER_VERSION}
 API version:       1.51
 Go version:        go1.24.5
 Git commit:        ${CLI_COMMIT}
 Built:             Fri Jul 25 11:34:09 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          ${DOCKER_VERSION}
  API version:      1.51 (minimum version 1.24)
  Go version:       go1.24.5
  Git commit:       bea959c
  Built:            Fri Jul 25 11:34:09 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.27
  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da
 runc:
  Version:          1.2.5
  GitCommit:        v1.2.5-0-g59923ef
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
