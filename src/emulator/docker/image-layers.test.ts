import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAGE_CATALOGUE } from './image-catalogue.ts';
import { imageRoot, OverlayDir } from './image-layers.ts';
import { MemDir, MemFile, type DirNode } from '../linux/fs/nodes.ts';

/** Every path under `dir` with its file content (or `->target`, `/` for directories). */
function tree(dir: DirNode, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of dir.names({}).sort()) {
    const node = dir.get(name, {});
    const p = `${prefix}/${name}`;
    if (node?.kind === 'dir') out.push(`${p}/`, ...tree(node, p));
    else if (node?.kind === 'symlink') out.push(`${p} ->${node.target({})}`);
    else if (node) out.push(`${p} ${node.read({})}`);
  }
  return out;
}

function lower(): MemDir {
  const root = new MemDir(0);
  const etc = new MemDir(0);
  etc.set('hostname', new MemFile(0, 'base\n'));
  root.set('etc', etc);
  root.set('tmp', new MemDir(0, 0o1777));
  return root;
}

describe('OverlayDir', () => {
  it('shows the lower tree, copies up on lookup, hides deleted names, keeps modes', () => {
    const base = lower();
    const a = new OverlayDir(base, 5);
    expect(tree(a)).toEqual(['/etc/', '/etc/hostname base\n', '/tmp/']);
    (a.get('etc') as DirNode).delete('hostname');
    (a.get('etc') as DirNode).set('passwd', new MemFile(5, 'root\n'));
    a.delete('tmp');
    expect(tree(a)).toEqual(['/etc/', '/etc/passwd root\n']);
    expect(tree(base)).toEqual(['/etc/', '/etc/hostname base\n', '/tmp/']);
    const b = new OverlayDir(base, 7);
    expect([b.get('tmp')?.mode, b.get('etc')?.mtime]).toEqual([0o1777, 7]);
  });

  it('never changes the shared layer or a sibling view, whatever one view does (property)', () => {
    const op = fc.record({ dir: fc.constantFrom('etc', 'tmp', 'new'), name: fc.constantFrom('hostname', 'x', 'y'), kind: fc.constantFrom('write', 'delete', 'create') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
        const base = lower();
        const before = tree(base);
        const a = new OverlayDir(base, 1);
        const b = new OverlayDir(base, 1);
        for (const o of ops) {
          let dir = a.get(o.dir);
          if (!dir) a.set(o.dir, (dir = new MemDir(1)));
          if (dir.kind !== 'dir') continue;
          const f = dir.get(o.name, {});
          if (o.kind === 'write' && f?.kind === 'file') f.write('changed', {});
          else if (o.kind === 'delete') dir.delete(o.name);
          else if (o.kind === 'create') dir.set(o.name, new MemFile(1, 'new'));
        }
        expect(tree(base)).toEqual(before);
        expect(tree(b)).toEqual(before);
      }),
    );
  });
});

describe('imageRoot', () => {
  it('builds one layer per image: two containers of nginx see the same tree, distinct nodes', () => {
    const a = imageRoot(IMAGE_CATALOGUE.nginx, 0);
    const b: DirNode = imageRoot(IMAGE_CATALOGUE.nginx, 0);
    const bin = (r: DirNode) => (r.get('usr', {}) as DirNode).get('sbin', {}) as DirNode;
    expect(bin(a).names({}).sort()).toEqual(bin(b).names({}).sort());
    expect(bin(a).get('nginx', {})).not.toBe(bin(b).get('nginx', {}));
    expect(tree(a).filter((l) => l.startsWith('/etc/os-release'))).toEqual([`/etc/os-release ${(((b.get('etc', {}) as DirNode).get('os-release', {})) as MemFile).content}`]);
  });
});
