/** A `LIKE`/`ILIKE` pattern matching values that contain `text` literally (`%`, `_` and backslash escaped). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`;
}
