/**
 * A small, strict XML parser for checking what the JUnit reporter writes: it accepts the
 * well-formed subset we emit (declaration, comments, elements, attributes, character and the five
 * predefined entity references) and throws on anything malformed, naming the offset. It is not a
 * general XML parser (no DTDs, CDATA or processing instructions past the declaration).
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data, entities decoded. */
  text: string;
}

/** Thrown for input that is not well-formed; `offset` is where parsing stopped. */
export class XmlSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlSyntaxError';
    this.offset = offset;
  }
}

const nameRe = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const illegal = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses `text` into its root element. @throws XmlSyntaxError when it is not well-formed. */
export function parseXml(text: string): XmlElement {
  const bad = illegal.exec(text);
  if (bad) throw new XmlSyntaxError('character not allowed in XML', bad.index);
  let i = 0;
  const fail = (message: string): never => {
    throw new XmlSyntaxError(message, i);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const readName = (): string => {
    nameRe.lastIndex = i;
    const m = nameRe.exec(text);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) throw new XmlSyntaxError("'&' that does not start an entity reference", at);
      if (ref in entities) return entities[ref];
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!num) throw new XmlSyntaxError(`unknown entity &${ref};`, at);
      const cp = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2], 10);
      const ch = cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      if (ch === '' || illegal.test(ch)) throw new XmlSyntaxError(`character reference ${whole} not allowed`, at);
      return ch;
    });
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else return;
    }
  };

  if (text.startsWith('<?xml', i)) {
    const end = text.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  skipMisc();
  const parseElement = (): XmlElement => {
    if (text[i] !== '<') fail("expected '<'");
    i++;
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (i >= text.length) fail('unexpected end of input');
      if (text.startsWith('/>', i)) {
        i += 2;
        return element;
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const name = readName();
      if (name in element.attributes) fail(`duplicate attribute ${name}`);
      skipSpace();
      if (text[i] !== '=') fail("expected '=' after an attribute name");
      i++;
      skipSpace();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = text.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = text.slice(i + 1, end);
      if (raw.includes('<')) fail("'<' inside an attribute value");
      element.attributes[name] = decode(raw, i);
      i = end + 1;
    }
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt < 0) fail(`element <${element.name}> is not closed`);
      const raw = text.slice(i, lt);
      if (raw.includes(']]>')) fail("']]>' in character data");
      element.text += decode(raw, i);
      i = lt;
      if (text.startsWith('<!--', i)) {
        skipMisc();
      } else if (text.startsWith('</', i)) {
        i += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        if (text[i] !== '>') fail("expected '>'");
        i++;
        return element;
      } else {
        element.children.push(parseElement());
      }
    }
  };
  const root = parseElement();
  skipMisc();
  if (i < text.length) fail('content after the root element');
  return root;
}
