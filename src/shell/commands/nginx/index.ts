/**
 * `nginx -v` in the nginx image: nginx prints its version on stderr (src/core/nginx.c,
 * ngx_show_version_info: `nginx version: ` NGINX_VER_BUILD) and exits 0. The version is the one
 * the image says it ships (its NGINX_VERSION, 1.29.0 in the catalogue). Only the image has the
 * program (/usr/sbin/nginx); other options say they are not available.
 */
import type { Command } from '../../types.ts';
import { NGINX_VERSION } from '../../../emulator/docker/image-catalogue.ts';

export const command: Command = {
  name: 'nginx',
  summary: 'The nginx web server (nginx -v only; the server runs as the image command).',
  async run(ctx) {
    if (ctx.args.length === 1 && ctx.args[0] === '-v') {
      ctx.stderr.write(`nginx version: nginx/${ctx.env.get('NGINX_VERSION') ?? NGINX_VERSION}\n`);
      return 0;
    }
    ctx.stderr.write(`petlab: 'nginx${ctx.args.length ? ` ${ctx.args[0]}` : ''}' is not available in this lab\n`);
    return 1;
  },
};
