/**
 * Reading and writing the files Brug checks, configures itself with, or fixes. Bytes are
 * sacred: a document is decoded with a fatal UTF-8 decoder and keeps every character it has
 * (a BOM stays the first character, line ends stay as they are), so writing the text back
 * gives the same bytes. A file that is not UTF-8 is decoded as well as possible, checked, and
 * never written. Only regular files are read (a FIFO or a device would block or never end),
 * and their size is checked before a byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';

/** Largest document checked (the language server has its own, configurable limit). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** Largest .brug.yml read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Largest dictionary file read. */
export const MAX_DICTIONARY_BYTES = 16 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ReadDocument {
  ok: true;
  /** The text, every character kept (a BOM too). */
  text: string;
  encoding: Encoding;
  /** The file starts with a byte order mark (kept as the text's first character). */
  bom: boolean;
  /** The line ends it uses: kept on write, since the text keeps them. */
  eol: '\n' | '\r\n' | '\r' | 'mixed' | 'none';
  /** Whether Brug may write it back: only UTF-8 files (a rewrite would change other encodings' bytes). */
  writable: boolean;
  /** A problem with the bytes, for a warning (the file is still checked). */
  warning?: { en: string; nl: string };
}

export interface ReadFailure {
  ok: false;
  /** Why the file was not read, in a few words (for "x.md: <reason>; not checked"). */
  reason: { en: string; nl: string };
  /** missing / not-a-file / too-large / binary / unreadable */
  kind: 'missing' | 'not-a-file' | 'too-large' | 'binary' | 'unreadable';
}

export type ReadResult = ReadDocument | ReadFailure;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function fail(kind: ReadFailure['kind'], en: string, nl: string): ReadFailure {
  return { ok: false, kind, reason: { en, nl } };
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * The bytes of a regular file of at most `maxBytes`, or why not. The size is checked on the
 * open file (fstat), so a file swapped for a device between the checks is caught too; reading
 * stops at the limit whatever the file claims.
 */
export function readBytes(file: string, maxBytes: number): { ok: true; bytes: Buffer } | ReadFailure {
  let st;
  try {
    st = statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('missing', `${code}: no such file`, `${code}: bestand bestaat niet`);
    return fail('unreadable', `cannot read (${code ?? (err as Error).message})`, `niet leesbaar (${code ?? (err as Error).message})`);
  }
  if (!st.isFile()) {
    return st.isDirectory()
      ? fail('not-a-file', 'is a folder, not a file', 'is een map, geen bestand')
      : fail('not-a-file', 'not a regular file (a device, pipe or socket); not read', 'geen gewoon bestand (een apparaat, pipe of socket); niet gelezen');
  }
  if (st.size > maxBytes) return fail('too-large', `larger than ${mb(maxBytes)} (${mb(st.size)}); not read`, `groter dan ${mb(maxBytes)} (${mb(st.size)}); niet gelezen`);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail('unreadable', `cannot read (${code ?? (err as Error).message})`, `niet leesbaar (${code ?? (err as Error).message})`);
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) return fail('not-a-file', 'not a regular file; not read', 'geen gewoon bestand; niet gelezen');
    if (fst.size > maxBytes) return fail('too-large', `larger than ${mb(maxBytes)}; not read`, `groter dan ${mb(maxBytes)}; niet gelezen`);
    const buf = Buffer.alloc(Math.min(fst.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n <= 0) break;
      got += n;
      if (got >= buf.length) break;
    }
    if (got > maxBytes) return fail('too-large', `larger than ${mb(maxBytes)}; not read`, `groter dan ${mb(maxBytes)}; niet gelezen`);
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail('unreadable', `cannot read (${code ?? (err as Error).message})`, `niet leesbaar (${code ?? (err as Error).message})`);
  } finally {
    closeSync(fd);
  }
}

function lineEnds(text: string): ReadDocument['eol'] {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? '\r\n' : lf ? '\n' : '\r';
}

/** The byte offset of the first byte that is not valid UTF-8 (for the warning). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    try {
      fatalUtf8.decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return -1;
}

/** Decodes a document's bytes: UTF-8 (fatal), UTF-16 with its BOM, else best effort as Windows-1252 and read-only. */
export function decodeDocument(bytes: Buffer): ReadDocument | ReadFailure {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding: Encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    return {
      ok: true,
      text,
      encoding,
      bom: true,
      eol: lineEnds(text),
      writable: false,
      warning: { en: `encoded as ${encoding.toUpperCase()}, not UTF-8: checked, but --fix does not write it`, nl: `gecodeerd als ${encoding.toUpperCase()}, niet als UTF-8: gecontroleerd, maar --fix schrijft het niet` },
    };
  }
  if (bytes.subarray(0, 8000).includes(0)) return fail('binary', 'not a text file (it contains binary data); not checked', 'geen tekstbestand (het bevat binaire gegevens); niet gecontroleerd');
  try {
    const text = fatalUtf8.decode(bytes);
    return { ok: true, text, encoding: 'utf-8', bom: text.charCodeAt(0) === 0xfeff, eol: lineEnds(text), writable: true };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = at < 0 ? 1 : bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      ok: true,
      text,
      encoding: 'windows-1252',
      bom: false,
      eol: lineEnds(text),
      writable: false,
      warning: {
        en: `not valid UTF-8 (first bad byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at}, line ${line}); read as Latin-1 (Windows-1252) and checked read-only: --fix does not write it. Save it as UTF-8 to fix it`,
        nl: `geen geldige UTF-8 (eerste foute byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} op byte ${at}, regel ${line}); gelezen als Latin-1 (Windows-1252) en alleen gecontroleerd: --fix schrijft het niet. Sla het op als UTF-8 om het te herstellen`,
      },
    };
  }
}

/** Reads a document to check: a regular file, at most `maxBytes`, not binary. */
export function readDocument(file: string, maxBytes = MAX_DOCUMENT_BYTES): ReadResult {
  const r = readBytes(file, maxBytes);
  if (!r.ok) return r;
  return decodeDocument(r.bytes);
}

/** Reads a small UTF-8 text file (a .brug.yml, a dictionary): its text or why not. */
export function readSmallText(file: string, maxBytes: number): { ok: true; text: string } | ReadFailure {
  const r = readBytes(file, maxBytes);
  if (!r.ok) return r;
  const d = decodeDocument(r.bytes);
  if (!d.ok) return d;
  if (d.encoding !== 'utf-8') return fail('unreadable', `not UTF-8 (${d.warning?.en.split(';')[0] ?? d.encoding}); not read`, `geen UTF-8; niet gelezen`);
  return { ok: true, text: d.bom ? d.text.slice(1) : d.text };
}

/**
 * Writes a document's new text, only when the file on disk is UTF-8 (its bytes would survive
 * the round trip). The caller has checked that the file is inside the project.
 */
export type WriteResult = { ok: true } | { ok: false; kind: 'outside' | 'encoding' | 'io'; reason: { en: string; nl: string } };

export function writeDocument(file: string, text: string): WriteResult {
  const now = readDocument(file);
  if (now.ok && !now.writable) return { ok: false, kind: 'encoding', reason: { en: `not written: ${now.warning?.en ?? 'not UTF-8'}`, nl: `niet geschreven: ${now.warning?.nl ?? 'geen UTF-8'}` } };
  if (!now.ok && now.kind !== 'missing') return { ok: false, kind: 'io', reason: { en: `not written: ${now.reason.en}`, nl: `niet geschreven: ${now.reason.nl}` } };
  try {
    writeFileSync(file, text, 'utf8');
    return { ok: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { ok: false, kind: 'io', reason: { en: `cannot write the fixes (${code})`, nl: `kan de verbeteringen niet schrijven (${code})` } };
  }
}
