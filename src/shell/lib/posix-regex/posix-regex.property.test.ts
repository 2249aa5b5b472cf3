// Properties of the POSIX matcher against JavaScript's RegExp on small random patterns where both
// apply: the same lines match, matches start at the same place, and ours is the longest match
// from there (POSIX) where JavaScript takes the first alternative that works (Perl).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PosixRegex, RegexSyntaxError } from './index.ts';

type Tree = { k: 'atom'; ere: string } | { k: 'group'; body: Tree } | { k: 'rep'; body: Tree; q: string } | { k: 'cat'; items: Tree[] } | { k: 'alt'; alts: Tree[] };

const { tree } = fc.letrec<{ tree: Tree; atom: Tree; piece: Tree }>((tie) => ({
  // Groups do not nest: repetitions of groups inside repeated groups can make JavaScript's backtracking
  // RegExp (the oracle) take minutes on some 10-character inputs.
  atom: fc.oneof(
    { maxDepth: 1, depthIdentifier: 'group' },
    { weight: 4, arbitrary: fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '[[:alpha:]]').map((ere): Tree => ({ k: 'atom', ere })) },
    { weight: 1, arbitrary: tie('tree').map((body): Tree => ({ k: 'group', body })) },
  ),
  piece: fc.tuple(tie('atom'), fc.constantFrom('', '', '*', '+', '?', '{1,2}', '{0,1}', '{2}')).map(([body, q]): Tree => (q ? { k: 'rep', body, q } : body)),
  tree: fc.array(fc.array(tie('piece'), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ k: 'cat', items })), { minLength: 1, maxLength: 2 }).map((alts): Tree => ({ k: 'alt', alts })),
}));

function ere(t: Tree): string {
  switch (t.k) {
    case 'atom':
      return t.ere;
    case 'group':
      return `(${ere(t.body)})`;
    case 'rep':
      return ere(t.body) + t.q;
    case 'cat':
      return t.items.map(ere).join('');
    case 'alt':
      return t.alts.map(ere).join('|');
  }
}

/** The same pattern in BRE spelling (GNU's \| \+ \?). */
function bre(t: Tree): string {
  switch (t.k) {
    case 'atom':
      return t.ere;
    case 'group':
      return `\\(${bre(t.body)}\\)`;
    case 'rep':
      return bre(t.body) + (t.q === '*' ? '*' : t.q.startsWith('{') ? `\\{${t.q.slice(1, -1)}\\}` : `\\${t.q}`);
    case 'cat':
      return t.items.map(bre).join('');
    case 'alt':
      return t.alts.map(bre).join('\\|');
  }
}

const input = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 10 }).map((cs) => cs.join(''));
const jsSource = (t: Tree) => ere(t).replace(/\[\[:alpha:\]\]/g, '[A-Za-z]');

describe('POSIX matcher vs JavaScript RegExp', () => {
  it('agrees on whether and where a match starts; its match is the longest from there', () => {
    fc.assert(
      fc.property(tree, input, (t, s) => {
        const ours = PosixRegex.compile(ere(t), { extended: true });
        const js = new RegExp(jsSource(t));
        const whole = new RegExp(`^(?:${jsSource(t)})$`);
        expect(ours.test(s)).toBe(js.test(s));
        const m = ours.exec(s);
        const j = js.exec(s);
        expect(m?.index).toBe(j?.index);
        if (m && j) {
          let longest = -1;
          for (let e = s.length; e >= j.index && longest < 0; e--) if (whole.test(s.slice(j.index, e))) longest = e;
          expect(m.end).toBe(longest);
          expect(m[0].length).toBeGreaterThanOrEqual(j[0].length);
        }
      }),
      { numRuns: 800 },
    );
  }, 60_000);

  it('reads the BRE spelling of a pattern as the ERE one', () => {
    fc.assert(
      fc.property(tree, input, (t, s) => {
        const a = PosixRegex.compile(ere(t), { extended: true }).exec(s);
        const b = PosixRegex.compile(bre(t), { extended: false }).exec(s);
        expect(b && [...b]).toEqual(a && [...a]);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('fixed strings match where String.includes finds them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.string({ maxLength: 12 }), (needle, hay) => {
        expect(PosixRegex.compile(needle, { fixed: true }).exec(hay)?.index ?? -1).toBe(hay.indexOf(needle));
      }),
    );
  }, 60_000);

  it('any pattern string compiles or fails with a syntax error, and matching never throws', () => {
    const chars = fc.constantFrom(...'ab.*+?|(){}[]^$\\,-:1 w<>'.split(''), '[:digit:]', '\\(', '\\)', '\\{', '\\}');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 14 }).map((c) => c.join('')), fc.boolean(), input, (p, extended, s) => {
        let r: PosixRegex;
        try {
          r = PosixRegex.compile(p, { extended });
        } catch (e) {
          expect(e).toBeInstanceOf(RegexSyntaxError);
          return;
        }
        r.test(s);
        r.exec(s);
        expect([...r.matchAll(s)].every((m) => m.end >= m.index)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
