import { toCsv } from './csv';

describe(toCsv.name, () => {
  it('writes a BOM, semicolons and CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('\uFEFFa;b\r\n1;2\r\n');
  });
  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv(['x'], [['a;b'], ['say "hi"'], ['two\nlines']])).toBe(
      '\uFEFFx\r\n"a;b"\r\n"say ""hi"""\r\n"two\nlines"\r\n',
    );
  });
  it('neutralises formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM']])).toBe(
      `\uFEFFx\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'-2\r\n'@SUM\r\n`,
    );
  });
  it('writes empty cells for null and undefined, and keeps accents', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, 'Àrea de Cooperació']])).toBe(
      '\uFEFFa;b;c\r\n;;Àrea de Cooperació\r\n',
    );
  });
});
