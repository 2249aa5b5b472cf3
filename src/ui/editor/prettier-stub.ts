/**
 * Stands in for Prettier in the browser bundle: monaco-yaml's worker imports it only for
 * "Format document", which the lab editor does not offer. Aliased in astro.config.mjs; saves
 * ~130 KB gzip of worker code. Formatting returns the text unchanged.
 */
export async function format(text: string): Promise<string> {
  return text;
}
export default {};
