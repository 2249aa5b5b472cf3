import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from './serve.ts';
import type { StaticServer } from './serve.ts';

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'petlab-serve-'));
  await mkdir(join(dir, 'lesson'));
  await writeFile(join(dir, 'index.html'), '<h1>home</h1>');
  await writeFile(join(dir, 'lesson/index.html'), '<h1>lesson</h1>');
  await writeFile(join(dir, '404.html'), 'Page not found');
  await writeFile(join(dir, 'app.js'), 'x');
  await writeFile(join(tmpdir(), 'petlab-secret.txt'), 'secret');
  server = await serveDist(dir, '/course/');
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(join(tmpdir(), 'petlab-secret.txt'), { force: true });
});

async function get(path: string): Promise<[number, string, string | null]> {
  const res = await fetch(server.origin + path, { redirect: 'manual' });
  return [res.status, await res.text(), res.headers.get('location') ?? res.headers.get('content-type')];
}

describe('serveDist', () => {
  it('serves the site under its sub-path on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/course\/$/);
    expect(await get('/course/')).toEqual([200, '<h1>home</h1>', 'text/html; charset=utf-8']);
    expect(await get('/course/lesson/')).toEqual([200, '<h1>lesson</h1>', 'text/html; charset=utf-8']);
    expect(await get('/course/app.js')).toEqual([200, 'x', 'text/javascript; charset=utf-8']);
  });

  it('redirects directories to their slash, like a static host', async () => {
    expect(await get('/course')).toEqual([301, '', '/course/']);
    expect(await get('/course/lesson')).toEqual([301, '', '/course/lesson/']);
  });

  it('answers 404 outside the sub-path, for missing files and for escapes from the folder', async () => {
    expect(await get('/lesson/')).toEqual([404, 'Page not found', 'text/html; charset=utf-8']);
    expect(await get('/course/nope.js')).toEqual([404, 'Page not found', 'text/html; charset=utf-8']);
    expect((await get('/course/..%2fpetlab-secret.txt'))[0]).toBe(404);
  });
});
