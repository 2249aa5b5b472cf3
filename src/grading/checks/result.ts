/**
 * Small building blocks for checks: results, combinators and wording helpers, so every check's
 * message reads the same way ("web-0, web-1 and web-2").
 */
import type { Check, CheckContext, CheckResult } from '../lab-schema.ts';

/** A passing result. */
export function pass(message: string): CheckResult {
  return { pass: true, message };
}

/** A failing result; `message` names the object and says what is missing. */
export function fail(message: string): CheckResult {
  return { pass: false, message };
}

/** Passes when every check passes; the message is the first failure's, or all passes joined. */
export function allOf(...checks: Check[]): Check {
  return (ctx: CheckContext) => {
    const messages: string[] = [];
    for (const check of checks) {
      const result = check(ctx);
      if (!result.pass) return result;
      messages.push(result.message);
    }
    return pass(messages.join('; '));
  };
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 replica", "3 replicas". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
