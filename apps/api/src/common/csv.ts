/**
 * CSV for spreadsheets in a Catalan or Spanish locale: UTF-8 with a BOM, `;` separators, CRLF line ends, quotes
 * where needed, and cells that a spreadsheet would run as a formula neutralised with a leading apostrophe.
 */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const cell = (value: string | number | boolean | null | undefined): string => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
