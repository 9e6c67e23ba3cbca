import {
  detectDocumentFormat,
  DOCUMENT_FORMATS,
  DocumentKind,
  fileExtension,
  MAX_DOCUMENT_BYTES,
  zipEntryNames,
} from './file-signature';

const text = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? text(p) : p)));
const le16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

interface ZipEntry {
  name: string;
  data?: string;
  /** Bytes of an extra field in the local header. */
  extra?: number[];
  /** Write the sizes in a trailing data descriptor instead of the local header (flag bit 3). */
  dataDescriptor?: boolean;
  /** Compression method written in the headers (the data is never really compressed here). */
  method?: number;
}

interface ZipOptions {
  /** Leave out the central directory and the end record, as in a truncated upload. */
  truncated?: boolean;
  comment?: string;
}

/** A minimal ZIP archive written by hand (APPNOTE.TXT), CRCs left at 0: the detector never reads them. */
function zip(entries: ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  for (const entry of entries) {
    const data = text(entry.data ?? '');
    const name = text(entry.name);
    const extra = entry.extra ?? [];
    const flags = entry.dataDescriptor ? 0x0008 : 0;
    const method = entry.method ?? 0;
    const headerSize = entry.dataDescriptor ? 0 : data.length;
    const offset = local.length;
    local.push(
      ...le32(0x04034b50),
      ...le16(20),
      ...le16(flags),
      ...le16(method),
      ...le16(0),
      ...le16(0),
      ...le32(0),
      ...le32(headerSize),
      ...le32(headerSize),
      ...le16(name.length),
      ...le16(extra.length),
      ...name,
      ...extra,
      ...data,
    );
    if (entry.dataDescriptor)
      local.push(...le32(0x08074b50), ...le32(0), ...le32(data.length), ...le32(data.length));
    central.push(
      ...le32(0x02014b50),
      ...le16(20),
      ...le16(20),
      ...le16(flags),
      ...le16(method),
      ...le16(0),
      ...le16(0),
      ...le32(0),
      ...le32(data.length),
      ...le32(data.length),
      ...le16(name.length),
      ...le16(0),
      ...le16(0),
      ...le16(0),
      ...le16(0),
      ...le32(0),
      ...le32(offset),
      ...name,
    );
  }
  if (options.truncated) return Uint8Array.from(local);
  const comment = text(options.comment ?? '');
  const end = [
    ...le32(0x06054b50),
    ...le16(0),
    ...le16(0),
    ...le16(entries.length),
    ...le16(entries.length),
    ...le32(central.length),
    ...le32(local.length),
    ...le16(comment.length),
    ...comment,
  ];
  return Uint8Array.from([...local, ...central, ...end]);
}

const CONTENT_TYPES = { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' };
const RELS = { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' };
const odf = (mime: string, extra: ZipEntry[] = []): ZipEntry[] => [
  { name: 'mimetype', data: mime },
  { name: 'content.xml', data: '<office:document-content/>' },
  { name: 'META-INF/manifest.xml', data: '<manifest:manifest/>' },
  ...extra,
];

const docx = zip([CONTENT_TYPES, RELS, { name: 'word/document.xml', data: '<w:document/>' }]);
const xlsx = zip([CONTENT_TYPES, RELS, { name: 'xl/workbook.xml', data: '<workbook/>' }]);
const pptx = zip([CONTENT_TYPES, RELS, { name: 'ppt/presentation.xml', data: '<p:presentation/>' }]);
const odt = zip(odf('application/vnd.oasis.opendocument.text'));
const ods = zip(odf('application/vnd.oasis.opendocument.spreadsheet'));
const odp = zip(odf('application/vnd.oasis.opendocument.presentation'));
const pdf = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ole = bytes(OLE, new Array(504).fill(0));
const exe = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode.');

const kindOf = (content: Uint8Array, fileName?: string): DocumentKind | null =>
  detectDocumentFormat(content, fileName)?.kind ?? null;

describe(detectDocumentFormat.name, () => {
  it.each<[string, Uint8Array, DocumentKind]>([
    ['PDF', pdf, 'pdf'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'), 'png'],
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1, 0, 0x10], 'Exif'), 'jpeg'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['WEBP', bytes('RIFF', le32(26), 'WEBPVP8 '), 'webp'],
    ['TIFF little-endian', bytes('II', [0x2a, 0], le32(8)), 'tiff'],
    ['TIFF big-endian', bytes('MM', [0, 0x2a], [0, 0, 0, 8]), 'tiff'],
    ['RTF', bytes('{\\rtf1\\ansi Hola}'), 'rtf'],
    ['DOCX', docx, 'docx'],
    ['XLSX', xlsx, 'xlsx'],
    ['PPTX', pptx, 'pptx'],
    ['ODT', odt, 'odt'],
    ['ODS', ods, 'ods'],
    ['ODP', odp, 'odp'],
  ])('recognises %s', (_name, content, kind) => {
    expect(detectDocumentFormat(content)).toEqual(DOCUMENT_FORMATS[kind]);
  });

  it('gives the MIME type and extension', () => {
    expect(detectDocumentFormat(pdf)).toEqual({ kind: 'pdf', mimeType: 'application/pdf', extension: 'pdf' });
    expect(detectDocumentFormat(docx)?.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectDocumentFormat(odt)?.mimeType).toBe('application/vnd.oasis.opendocument.text');
  });

  it('reads the content, not the name: a PDF renamed .docx is a PDF', () => {
    expect(kindOf(pdf, 'projecte.docx')).toBe('pdf');
  });

  it('reads the content, not the name: an executable renamed .pdf is refused', () => {
    expect(detectDocumentFormat(exe, 'pressupost.pdf')).toBeNull();
  });

  it('works on a Node Buffer (a Uint8Array)', () => {
    expect(kindOf(Buffer.from(pdf))).toBe('pdf');
    expect(kindOf(Buffer.from(docx))).toBe('docx');
  });

  it('works on a view into a larger buffer', () => {
    const backing = new Uint8Array(docx.length + 10);
    backing.set(docx, 10);
    expect(kindOf(backing.subarray(10))).toBe('docx');
  });

  describe('OLE compound files (.doc, .xls, .ppt)', () => {
    it.each<[string, DocumentKind]>([
      ['memoria.doc', 'doc'],
      ['pressupost.xls', 'xls'],
      ['presentacio.ppt', 'ppt'],
      ['MEMORIA.DOC', 'doc'],
      ['C:\\Users\\ong\\Pressupost.Xls', 'xls'],
      ['carpeta.v2/fitxer.ppt', 'ppt'],
    ])('%s → %s', (name, kind) => expect(kindOf(ole, name)).toBe(kind));

    it.each([undefined, '', 'memoria', 'memoria.docx', 'fitxer.msg', 'doc', '.doc', 'carpeta.doc/fitxer'])(
      'is refused with name %p',
      (name) => expect(detectDocumentFormat(ole, name)).toBeNull(),
    );
  });

  describe('ZIP archives', () => {
    it('reads the ODF mimetype through an extra field in the local header', () => {
      const content = zip([
        {
          name: 'mimetype',
          data: 'application/vnd.oasis.opendocument.text',
          extra: [0x55, 0x54, 5, 0, 1, 0, 0, 0, 0],
        },
        { name: 'content.xml', data: '<x/>' },
      ]);
      expect(kindOf(content)).toBe('odt');
    });

    it('finds an OOXML part written with data descriptors through the central directory', () => {
      const content = zip([
        { ...CONTENT_TYPES, dataDescriptor: true, method: 8 },
        { name: 'word/document.xml', data: '<w:document/>', dataDescriptor: true, method: 8 },
      ]);
      expect(kindOf(content)).toBe('docx');
    });

    it('finds an OOXML part after a long archive comment', () => {
      expect(kindOf(zip([CONTENT_TYPES, { name: 'xl/workbook.xml' }], { comment: 'x'.repeat(1000) }))).toBe(
        'xlsx',
      );
    });

    it('walks the local headers when the central directory is missing', () => {
      const content = zip([CONTENT_TYPES, RELS, { name: 'ppt/presentation.xml' }], { truncated: true });
      expect(kindOf(content)).toBe('pptx');
    });

    it('walks the local headers past an entry with a data descriptor and known size', () => {
      const content = zip([{ name: 'a.txt', data: 'hola' }, { name: 'xl/workbook.xml' }], {
        truncated: true,
      });
      expect(kindOf(content)).toBe('xlsx');
    });

    it.each<[string, Uint8Array]>([
      ['a plain zip', zip([{ name: 'hola.txt', data: 'hola' }])],
      [
        'a zip mentioning word/ only inside a file',
        zip([{ name: 'readme.txt', data: 'see word/document.xml' }]),
      ],
      ['a folder merely named like OOXML inside another one', zip([{ name: 'docs/word/document.xml' }])],
      ['an EPUB', zip([{ name: 'mimetype', data: 'application/epub+zip' }, { name: 'OEBPS/content.opf' }])],
      ['an ODF template', zip(odf('application/vnd.oasis.opendocument.text-template'))],
      [
        'an ODF mimetype that is not the first entry',
        zip([{ name: 'content.xml' }, { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }]),
      ],
      [
        'a deflated ODF mimetype',
        zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 8 }]),
      ],
      ['an empty zip', zip([])],
      ['only the local signature', bytes('PK', [3, 4])],
      ['a local header cut in the middle of the name', zip([{ name: 'word/document.xml' }]).subarray(0, 36)],
      [
        'a data-descriptor entry without a central directory',
        zip([{ name: 'a.txt', data: 'x', dataDescriptor: true }, { name: 'word/document.xml' }], {
          truncated: true,
        }),
      ],
    ])('refuses %s', (_name, content) => expect(detectDocumentFormat(content, 'fitxer.docx')).toBeNull());
  });

  it.each<[string, Uint8Array]>([
    ['empty content', new Uint8Array(0)],
    ['plain text', bytes('Hola, món!\n')],
    ['HTML', bytes('<!DOCTYPE html><html><body>hola</body></html>')],
    ['SVG', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a Windows executable', exe],
    ['an ELF executable', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['a truncated PDF signature', bytes('%PDF')],
    ['a PDF signature not at the start', bytes(' %PDF-1.7')],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
    ['a RIFF that is not WEBP (WAV)', bytes('RIFF', le32(36), 'WAVEfmt ')],
    ['a truncated OLE signature', bytes(OLE.slice(0, 6))],
    ['GIF90a', bytes('GIF90a')],
    ['a gzip file', bytes([0x1f, 0x8b, 8, 0])],
    ['a 7z file', bytes('7z', [0xbc, 0xaf, 0x27, 0x1c])],
  ])('refuses %s', (_name, content) => expect(detectDocumentFormat(content, 'document.pdf')).toBeNull());

  it('refuses something that is not a byte array', () => {
    expect(detectDocumentFormat('%PDF-1.7' as unknown as Uint8Array)).toBeNull();
  });
});

describe(zipEntryNames.name, () => {
  it('lists the entries in order', () => {
    expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });
  it('lists them from the local headers when truncated', () => {
    expect(zipEntryNames(zip([{ name: 'a', data: 'x' }, { name: 'b' }], { truncated: true }))).toEqual([
      'a',
      'b',
    ]);
  });
  it('is empty for something that is not a zip', () => expect(zipEntryNames(pdf)).toEqual([]));
  it('stays bounded on a huge declared entry count', () => {
    const content = zip([{ name: 'a' }]);
    // Declare 65534 entries in the end record although there is one: the directory is unusable, local headers answer.
    content.set(le16(0xfffe), content.length - 22 + 8);
    content.set(le16(0xfffe), content.length - 22 + 10);
    expect(zipEntryNames(content)).toEqual(['a']);
  });
});

describe(fileExtension.name, () => {
  it.each([
    ['a.PDF', 'pdf'],
    ['a.tar.gz', 'gz'],
    ['.bashrc', ''],
    ['noext', ''],
    ['dir.d/file', ''],
    [undefined, ''],
  ])('%p → %p', (name, ext) => expect(fileExtension(name)).toBe(ext));
});

describe('MAX_DOCUMENT_BYTES', () => {
  it('is 20 MiB', () => expect(MAX_DOCUMENT_BYTES).toBe(20_971_520));
});
