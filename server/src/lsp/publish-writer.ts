/**
 * The bytes of the messages the server writes on a stream (--stdio), as vscode-jsonrpc's own encoder writes them
 * (UTF-8 of JSON.stringify), but a publishDiagnostics message is put together from each diagnostic's JSON, made once
 * per diagnostic object. After an edit almost every diagnostic of a long document is the object published before
 * (toDiagnosticsAfterEdit), so only the few new ones are serialised: at 100,000 words a publication held ~875
 * diagnostics and JSON.stringify of the whole message was the largest cost of an edit that published.
 *
 * A diagnostic object is never changed once made (diagnostics.ts builds it whole); its bytes are kept in a WeakMap, so
 * they go with it.
 */
import type { Message } from 'vscode-languageserver/node';

const METHOD = 'textDocument/publishDiagnostics';

const utf8 = new TextEncoder();
/** Each diagnostic's JSON in UTF-8 (unpooled: a small Buffer from the pool would keep an 8 KB slab alive with it). */
const pieces = new WeakMap<object, Uint8Array>();
const COMMA = 0x2c;
const CLOSE = utf8.encode(']}}');

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;

/** The keys of `o` are exactly `keys`, in that order. */
function keysAre(o: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/** The JSON of one diagnostic in UTF-8; undefined for what JSON.stringify would not write as an object. */
function pieceOf(d: unknown): Uint8Array | undefined {
  if (!isPlain(d) || 'toJSON' in d) return undefined;
  let piece = pieces.get(d);
  if (!piece) {
    piece = utf8.encode(JSON.stringify(d));
    pieces.set(d, piece);
  }
  return piece;
}

/**
 * The last publication written (speed only, diag34): its diagnostics (a copy of the list: the caller's may change) and
 * where each one's bytes start in its bytes. A publication after an edit holds mostly the same objects in the
 * same order, before and after the few the edit changed: those runs of bytes are copied from here whole (at 100,000
 * words ~875 diagnostics, ~250 KB: a copy per diagnostic and a look-up of its bytes cost ~0.3 ms per publication).
 * One at a time (memory stays flat: one message's bytes).
 */
let written: { diagnostics: unknown[]; starts: number[]; bytes: Buffer } | undefined;

/** Where the bytes of the `i`-th diagnostic of `w` end: before the comma after them, or before the closing `]}}`. */
function endOf(w: { starts: number[]; bytes: Buffer }, i: number): number {
  return i + 1 < w.starts.length ? w.starts[i + 1]! - 1 : w.bytes.length - CLOSE.length;
}

/** A publishDiagnostics message from its parts; undefined for any other message (or one of another shape). */
function publication(msg: unknown): Buffer | undefined {
  if (!isPlain(msg) || msg.method !== METHOD || typeof msg.jsonrpc !== 'string' || !keysAre(msg, ['jsonrpc', 'method', 'params'])) return undefined;
  const params = msg.params;
  if (!isPlain(params) || typeof params.uri !== 'string' || !Array.isArray(params.diagnostics)) return undefined;
  let head = `{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":"${METHOD}","params":{"uri":${JSON.stringify(params.uri)}`;
  if (keysAre(params, ['uri', 'version', 'diagnostics'])) {
    const version = params.version;
    if (version !== null && typeof version !== 'number') return undefined;
    head += `,"version":${JSON.stringify(version)}`;
  } else if (!keysAre(params, ['uri', 'diagnostics'])) return undefined;
  head += ',"diagnostics":[';
  const diagnostics = params.diagnostics as unknown[];
  const n = diagnostics.length;
  // The runs of diagnostics the last publication had at its start and at its end (the same objects: the same bytes).
  const last = written;
  const m = last ? last.diagnostics.length : 0;
  let p = 0;
  let q = 0;
  if (last) {
    const old = last.diagnostics;
    while (p < n && p < m && diagnostics[p] === old[p]) p++;
    while (q < n - p && q < m - p && diagnostics[n - 1 - q] === old[m - 1 - q]) q++;
  }
  // The pieces between them, each one's bytes.
  const pieces: Uint8Array[] = new Array(n - p - q);
  const first = utf8.encode(head);
  let length = first.length;
  if (p > 0) length += endOf(last!, p - 1) - last!.starts[0]!;
  for (let i = p; i < n - q; i++) {
    const piece = pieceOf(diagnostics[i]);
    if (!piece) return undefined;
    pieces[i - p] = piece;
    length += piece.length + (i > 0 ? 1 : 0);
  }
  if (q > 0) length += endOf(last!, m - 1) - last!.starts[m - q]! + (n - q > 0 ? 1 : 0);
  length += 3;
  const bytes = Buffer.allocUnsafeSlow(length);
  const starts: number[] = new Array(n);
  bytes.set(first, 0);
  let at = first.length;
  if (p > 0) {
    // The run at the start, commas between included, and where each of its diagnostics now lies.
    const from = last!.starts[0]!;
    const to = endOf(last!, p - 1);
    bytes.set(last!.bytes.subarray(from, to), at);
    for (let i = 0; i < p; i++) starts[i] = last!.starts[i]! - from + at;
    at += to - from;
  }
  for (let i = p; i < n - q; i++) {
    if (i > 0) bytes[at++] = COMMA;
    const piece = pieces[i - p]!;
    bytes.set(piece, at);
    starts[i] = at;
    at += piece.length;
  }
  if (q > 0) {
    if (n - q > 0) bytes[at++] = COMMA;
    const from = last!.starts[m - q]!;
    const to = endOf(last!, m - 1);
    bytes.set(last!.bytes.subarray(from, to), at);
    for (let i = 0; i < q; i++) starts[n - q + i] = last!.starts[m - q + i]! - from + at;
    at += to - from;
  }
  bytes.set(CLOSE, at);
  written = { diagnostics: diagnostics.slice(), starts, bytes };
  return bytes;
}

/** The message's bytes: those of JSON.stringify(msg) in `charset`. */
export function encodeMessage(msg: Message, charset: string): Buffer {
  const utf = charset === 'utf-8' || charset === 'utf8';
  return (utf ? publication(msg) : undefined) ?? Buffer.from(JSON.stringify(msg, undefined, 0), charset as BufferEncoding);
}

/** A content type encoder for vscode-jsonrpc's stream writer (its options' contentTypeEncoder). */
export const jsonEncoder = {
  name: 'application/json',
  encode(msg: Message, options: { charset: string }): Promise<Uint8Array> {
    try {
      return Promise.resolve(encodeMessage(msg, options.charset));
    } catch (err) {
      return Promise.reject(err);
    }
  },
};
