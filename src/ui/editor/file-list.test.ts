import { describe, expect, it } from 'vitest';
import { listEditableFiles, relativeTo, type DirReader } from './file-list.ts';

const tree: Record<string, string[]> = {
  '/root': ['.bashrc', 'notes.txt', 'web.yaml', 'manifests', 'app.bin'],
  '/root/manifests': ['svc.yml', 'deep'],
  '/root/manifests/deep': ['x.yaml'],
};
const fs: DirReader = {
  readdir: (p) => {
    const names = tree[p];
    if (!names) throw new Error('ENOENT');
    return names;
  },
  isDir: (p) => p in tree,
};

describe('listEditableFiles', () => {
  it('lists YAML first, skips hidden and binary-looking files, bounded depth', () => {
    expect(listEditableFiles(fs, '/root')).toEqual(['/root/manifests/deep/x.yaml', '/root/manifests/svc.yml', '/root/web.yaml', '/root/notes.txt']);
    expect(listEditableFiles(fs, '/root', 1)).toEqual(['/root/web.yaml', '/root/notes.txt']);
    expect(listEditableFiles(fs, '/missing')).toEqual([]);
  });

  it('makes paths relative to the shell’s cwd for the Apply command', () => {
    expect(relativeTo('/root', '/root/web.yaml')).toBe('web.yaml');
    expect(relativeTo('/tmp', '/root/web.yaml')).toBe('/root/web.yaml');
  });
});
