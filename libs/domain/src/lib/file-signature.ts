/**
 * The type of an uploaded document read from its content (magic bytes), never from its name: a PDF renamed ".docx" is
 * a PDF, an executable renamed ".pdf" is refused. The name only tells the legacy Office formats apart, which share one
 * container (OLE compound file) and cannot be distinguished without parsing it.
 */

export type DocumentKind =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'tiff'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'odt'
  | 'ods'
  | 'odp'
  | 'doc'
  | 'xls'
  | 'ppt'
  | 'rtf';

export interface DocumentFormat {
  kind: DocumentKind;
  mimeType: string;
  /** The usual file extension, without the dot. */
  extension: string;
}

/** Largest accepted document: 20 MiB (api.md: 20 MB means 20 MiB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Every accepted format, by kind. */
export const DOCUMENT_FORMATS: Readonly<Record<DocumentKind, DocumentFormat>> = {
  pdf: { kind: 'pdf', mimeType: 'application/pdf', extension: 'pdf' },
  png: { kind: 'png', mimeType: 'image/png', extension: 'png' },
  jpeg: { kind: 'jpeg', mimeType: 'image/jpeg', extension: 'jpg' },
  gif: { kind: 'gif', mimeType: 'image/gif', extension: 'gif' },
  webp: { kind: 'webp', mimeType: 'image/webp', extension: 'webp' },
  tiff: { kind: 'tiff', mimeType: 'image/tiff', extension: 'tiff' },
  docx: {
    kind: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  xlsx: {
    kind: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  pptx: {
    kind: 'pptx',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
  },
  odt: { kind: 'odt', mimeType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  ods: { kind: 'ods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' },
  odp: { kind: 'odp', mimeType: 'application/vnd.oasis.opendocument.presentation', extension: 'odp' },
  doc: { kind: 'doc', mimeType: 'application/msword', extension: 'doc' },
  xls: { kind: 'xls', mimeType: 'application/vnd.ms-excel', extension: 'xls' },
  ppt: { kind: 'ppt', mimeType: 'application/vnd.ms-powerpoint', extension: 'ppt' },
  rtf: { kind: 'rtf', mimeType: 'application/rtf', extension: 'rtf' },
};

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** True when `content` holds `bytes` at `offset`. */
function hasBytesAt(content: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (offset < 0 || offset + bytes.length > content.length) return false;
  return bytes.every((b, i) => content[offset + i] === b);
}

function latin1(content: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...content.subarray(offset, offset + length));
}

function u16(content: Uint8Array, offset: number): number {
  return content[offset] | (content[offset + 1] << 8);
}

function u32(content: Uint8Array, offset: number): number {
  return (
    (content[offset] | (content[offset + 1] << 8) | (content[offset + 2] << 16)) +
    content[offset + 3] * 2 ** 24
  );
}

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];
const RTF = ascii('{\\rtf');
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Formats recognised by a fixed signature at a fixed offset. */
const SIGNATURES: ReadonlyArray<{ kind: DocumentKind; parts: ReadonlyArray<[number, readonly number[]]> }> = [
  { kind: 'pdf', parts: [[0, PDF]] },
  { kind: 'png', parts: [[0, PNG]] },
  { kind: 'jpeg', parts: [[0, JPEG]] },
  { kind: 'gif', parts: [[0, GIF87]] },
  { kind: 'gif', parts: [[0, GIF89]] },
  {
    kind: 'webp',
    parts: [
      [0, RIFF],
      [8, WEBP],
    ],
  },
  { kind: 'tiff', parts: [[0, TIFF_LE]] },
  { kind: 'tiff', parts: [[0, TIFF_BE]] },
  { kind: 'rtf', parts: [[0, RTF]] },
];

// ZIP structures (APPNOTE.TXT): local file header, central directory header, end of central directory record.
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP_DATA_DESCRIPTOR = 0x08074b50;
const ZIP_LOCAL_HEADER_SIZE = 30;
const ZIP_CENTRAL_HEADER_SIZE = 46;
const ZIP_END_SIZE = 22;
const ZIP_MAX_COMMENT = 0xffff;
const ZIP_FLAG_DATA_DESCRIPTOR = 0x0008;
const ZIP_STORED = 0;
/** Upper bound on the entries read from one archive: an office document has a few hundred at most. */
export const MAX_ZIP_ENTRIES = 10_000;

const ODF_MIME_TYPES: Readonly<Record<string, DocumentKind>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

const OOXML_FOLDERS: ReadonlyArray<[string, DocumentKind]> = [
  ['word/', 'docx'],
  ['xl/', 'xlsx'],
  ['ppt/', 'pptx'],
];

function isZip(content: Uint8Array): boolean {
  return content.length >= ZIP_LOCAL_HEADER_SIZE && u32(content, 0) === ZIP_LOCAL;
}

/**
 * ODF: the first entry is named "mimetype", stored uncompressed, and holds the document's MIME type (ODF 1.2 part 3
 * §3.3). Sizes and offsets come from the local header, so an extra field does not fool it.
 */
function odfKind(content: Uint8Array): DocumentKind | null {
  const method = u16(content, 8);
  const size = u32(content, 18);
  const nameLength = u16(content, 26);
  const extraLength = u16(content, 28);
  const nameStart = ZIP_LOCAL_HEADER_SIZE;
  if (method !== ZIP_STORED || latin1(content, nameStart, nameLength) !== 'mimetype') return null;
  const dataStart = nameStart + nameLength + extraLength;
  if (size === 0 || size > 100 || dataStart + size > content.length) return null;
  return ODF_MIME_TYPES[latin1(content, dataStart, size)] ?? null;
}

/** Offset of the end-of-central-directory record, searched backwards over the possible comment length. */
function findEndOfCentralDirectory(content: Uint8Array): number | null {
  const last = content.length - ZIP_END_SIZE;
  const first = Math.max(0, last - ZIP_MAX_COMMENT);
  for (let offset = last; offset >= first; offset -= 1) {
    if (content[offset] === 0x50 && u32(content, offset) === ZIP_END) return offset;
  }
  return null;
}

/** Entry names from the central directory, or null when there is no usable one (truncated, ZIP64, damaged). */
function centralDirectoryNames(content: Uint8Array): string[] | null {
  const end = findEndOfCentralDirectory(content);
  if (end === null) return null;
  const count = u16(content, end + 10);
  const start = u32(content, end + 16);
  if (start === 0xffffffff || count === 0xffff || start >= end) return null;
  const names: string[] = [];
  let offset = start;
  for (let i = 0; i < Math.min(count, MAX_ZIP_ENTRIES); i += 1) {
    if (offset + ZIP_CENTRAL_HEADER_SIZE > end || u32(content, offset) !== ZIP_CENTRAL) return null;
    const nameLength = u16(content, offset + 28);
    const extraLength = u16(content, offset + 30);
    const commentLength = u16(content, offset + 32);
    const nameStart = offset + ZIP_CENTRAL_HEADER_SIZE;
    if (nameStart + nameLength > end) return null;
    names.push(latin1(content, nameStart, nameLength));
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * Entry names walking the local headers from the start, for an archive without a usable central directory. Stops at
 * the first entry whose size is only known from a trailing data descriptor.
 */
function localHeaderNames(content: Uint8Array): string[] {
  const names: string[] = [];
  let offset = 0;
  while (names.length < MAX_ZIP_ENTRIES && offset + ZIP_LOCAL_HEADER_SIZE <= content.length) {
    if (u32(content, offset) !== ZIP_LOCAL) break;
    const flags = u16(content, offset + 6);
    const size = u32(content, offset + 18);
    const nameLength = u16(content, offset + 26);
    const extraLength = u16(content, offset + 28);
    const nameStart = offset + ZIP_LOCAL_HEADER_SIZE;
    if (nameStart + nameLength > content.length) break;
    names.push(latin1(content, nameStart, nameLength));
    const hasDescriptor = (flags & ZIP_FLAG_DATA_DESCRIPTOR) !== 0;
    if (hasDescriptor && size === 0) break;
    offset = nameStart + nameLength + extraLength + size;
    if (hasDescriptor)
      offset += offset + 4 <= content.length && u32(content, offset) === ZIP_DATA_DESCRIPTOR ? 16 : 12;
  }
  return names;
}

/** The names of a ZIP archive's entries: from its central directory, else from its local headers. */
export function zipEntryNames(content: Uint8Array): string[] {
  if (!isZip(content)) return [];
  return centralDirectoryNames(content) ?? localHeaderNames(content);
}

/** OOXML: an entry under word/, xl/ or ppt/ (the first such entry decides). */
function ooxmlKind(names: readonly string[]): DocumentKind | null {
  for (const name of names) {
    const match = OOXML_FOLDERS.find(([folder]) => name.startsWith(folder));
    if (match) return match[1];
  }
  return null;
}

function zipKind(content: Uint8Array): DocumentKind | null {
  return odfKind(content) ?? ooxmlKind(zipEntryNames(content));
}

const OLE_EXTENSIONS: Readonly<Record<string, DocumentKind>> = { doc: 'doc', xls: 'xls', ppt: 'ppt' };

/** The lower-case extension of a file name, without the dot ("Informe.DOC" → "doc"), or "" when there is none. */
export function fileExtension(fileName: string | undefined): string {
  if (typeof fileName !== 'string') return '';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function oleKind(fileName: string | undefined): DocumentKind | null {
  return OLE_EXTENSIONS[fileExtension(fileName)] ?? null;
}

function detectKind(content: Uint8Array, fileName: string | undefined): DocumentKind | null {
  const signature = SIGNATURES.find(({ parts }) =>
    parts.every(([offset, bytes]) => hasBytesAt(content, offset, bytes)),
  );
  if (signature) return signature.kind;
  if (isZip(content)) return zipKind(content);
  if (hasBytesAt(content, 0, OLE)) return oleKind(fileName);
  return null;
}

/**
 * The format of a document from its bytes, or null when it is not an accepted document (text, HTML, SVG,
 * executables, other archives). `fileName` is read only to tell .doc, .xls and .ppt apart inside an OLE container.
 */
export function detectDocumentFormat(content: Uint8Array, fileName?: string): DocumentFormat | null {
  if (!(content instanceof Uint8Array)) return null;
  const kind = detectKind(content, fileName);
  return kind ? DOCUMENT_FORMATS[kind] : null;
}
