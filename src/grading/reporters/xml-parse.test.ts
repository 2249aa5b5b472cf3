import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeXml } from './junit.ts';
import { parseXml } from './xml-parse.ts';

describe('parseXml', () => {
  it('parses elements, attributes, entities and comments', () => {
    expect(parseXml(`<?xml version="1.0"?>\n<!-- c --><a x='1' y="&lt;&#65;&#x42;">t&amp;<b/><!--x-->u</a>\n`)).toEqual({
      name: 'a',
      attributes: { x: '1', y: '<AB' },
      children: [{ name: 'b', attributes: {}, children: [], text: '' }],
      text: 't&u',
    });
  });

  it.each([
    ['<a><b></a>', '</a> closes <b> at offset 9'],
    ['<a x="1" x="2"/>', 'duplicate attribute x at offset 10'],
    ['<a>&nbsp;</a>', 'unknown entity &nbsp; at offset 3'],
    ['<a>a & b</a>', "'&' that does not start an entity reference at offset 3"],
    ['<a x="<"/>', "'<' inside an attribute value at offset 5"],
    ['<a/><b/>', 'content after the root element at offset 4'],
    ['<a>\u0001</a>', 'character not allowed in XML at offset 3'],
    ['<a', 'unexpected end of input at offset 2'],
  ])('rejects %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('round-trips any text through escapeXml', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const escaped = escapeXml(text);
      const expected = text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
      expect(parseXml(`<a v="${escaped}">${escaped}</a>`).text).toBe(expected);
    }));
  });
});
