/**
 * `postgres --version` (or `-V`) in the postgres image: PostgreSQL's src/backend/main/main.c
 * answers it before any root or data-directory check, printing PG_BACKEND_VERSIONSTR
 * (src/include/port.h: `postgres (PostgreSQL) ` PG_VERSION) on stdout and exiting 0. Debian's (apt.postgresql.org)
 * build sets --with-extra-version ` (Debian <package version>)`, so the image's 17.5 says
 * `postgres (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)`. The package version is the image's
 * PG_VERSION env (image-catalogue.ts). Only the image has the program
 * (/usr/lib/postgresql/17/bin/postgres); the server itself runs as the image command; other
 * options say they are not available.
 */
import type { Command } from '../../types.ts';
import { POSTGRES_VERSION } from '../../../emulator/docker/image-catalogue.ts';

export const command: Command = {
  name: 'postgres',
  summary: 'The PostgreSQL server (postgres --version only; the server runs as the image command).',
  async run(ctx) {
    if (ctx.args.length === 1 && (ctx.args[0] === '--version' || ctx.args[0] === '-V')) {
      const pkg = ctx.env.get('PG_VERSION') ?? `${POSTGRES_VERSION}-1.pgdg120+1`;
      ctx.stdout.write(`postgres (PostgreSQL) ${pkg.split('-')[0]} (Debian ${pkg})\n`);
      return 0;
    }
    ctx.stderr.write(`petlab: 'postgres${ctx.args.length ? ` ${ctx.args[0]}` : ''}' is not available in this lab\n`);
    return 1;
  },
};
