/**
 * Matches a read's escape keys (docker's detach sequence, `'\x10\x11'` Ctrl-P Ctrl-Q by default)
 * against decoded keys, holding the keys that could start it. Pure: the line editor decides
 * what to do with each outcome.
 */
import type { Key } from './keys.ts';

/** `held`: the key may start the sequence; `matched`: it completed it; `release`: apply these keys as usual. */
export type EscapeStep = { kind: 'held' } | { kind: 'matched' } | { kind: 'release'; keys: Key[] };

export class EscapeMatcher {
  readonly sequence: string;
  private held: Key[] = [];

  constructor(sequence: string) {
    this.sequence = sequence;
  }

  /** Feeds one key. On `release`, the keys to apply are the held ones followed by `key`. */
  push(key: Key): EscapeStep {
    const sofar = this.held.map(keyByte).join('') + (keyByte(key) ?? '\0');
    if (this.sequence !== '' && this.sequence.startsWith(sofar)) {
      if (sofar === this.sequence) {
        this.held = [];
        return { kind: 'matched' };
      }
      this.held.push(key);
      return { kind: 'held' };
    }
    const keys = [...this.held, key];
    this.held = [];
    return { kind: 'release', keys };
  }
}

/** The byte a single key stands for (a control key, Enter, Tab or one character), if any. */
export function keyByte(key: Key): string | undefined {
  if (key.name === 'text') return key.text?.length === 1 ? key.text : undefined;
  if (/^C-[a-z]$/.test(key.name)) return String.fromCharCode(key.name.charCodeAt(2) - 96);
  return key.name === 'enter' ? '\r' : key.name === 'tab' ? '\t' : undefined;
}
