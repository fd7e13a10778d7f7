/**
 * The bytes of the messages the server writes on a stream (--stdio), as vscode-jsonrpc's own encoder writes them
 * (UTF-8 of JSON.stringify), but a publishDiagnostics message is put together from the bytes of the document's last
 * publication: after an edit almost every diagnostic of a long document is the object published before
 * (toDiagnosticsAfterEdit), in the same order, so its JSON is already in those bytes, and a run of such diagnostics is
 * copied at once; only the few new ones are serialised. At 100,000 words a publication held ~875 diagnostics (~430 KB):
 * JSON.stringify of the whole message was the largest cost of an edit that published, and then joining each
 * diagnostic's JSON made once (a WeakMap of pieces) still cost ~1.3 ms a publication (a look-up and two copies for each
 * diagnostic; bench/diag-inprocess.ts).
 *
 * A diagnostic object is never changed once made (diagnostics.ts builds it whole), so the bytes written for it stay its
 * JSON for as long as it lives.
 */
import type { Message } from 'vscode-languageserver/node';

const METHOD = 'textDocument/publishDiagnostics';

const COMMA = 0x2c;
const TAIL = ']}}';

/** A document's last publication: its diagnostics, its bytes, and where in them each diagnostic's JSON starts. */
interface Written {
  diagnostics: readonly unknown[];
  bytes: Buffer;
  starts: Int32Array;
}

/**
 * The last publication of the documents published last (a few: the workspace check publishes for every file it reads;
 * an open document's publications follow one another). One buffer per document, replaced at each publication.
 */
const written = new Map<string, Written>();
const WRITTEN_URIS = 8;
/** How far ahead in the last publication a diagnostic is looked for once the two lists part (diagnostics that went). */
const LOOK_AHEAD = 16;

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

/** Where diagnostic `k` of a publication ends in its bytes (the next one starts after a comma; the last before "]}}"). */
function endOf(w: Written, k: number): number {
  return k + 1 < w.starts.length ? w.starts[k + 1]! - 1 : w.bytes.length - TAIL.length;
}

/** A publishDiagnostics message from its parts; undefined for any other message (or one of another shape). */
function publication(msg: unknown): Buffer | undefined {
  if (!isPlain(msg) || msg.method !== METHOD || typeof msg.jsonrpc !== 'string' || !keysAre(msg, ['jsonrpc', 'method', 'params'])) return undefined;
  const params = msg.params;
  if (!isPlain(params) || typeof params.uri !== 'string' || !Array.isArray(params.diagnostics)) return undefined;
  const uri = params.uri;
  let head = `{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":"${METHOD}","params":{"uri":${JSON.stringify(uri)}`;
  if (keysAre(params, ['uri', 'version', 'diagnostics'])) {
    const version = params.version;
    if (version !== null && typeof version !== 'number') return undefined;
    head += `,"version":${JSON.stringify(version)}`;
  } else if (!keysAre(params, ['uri', 'diagnostics'])) return undefined;
  head += ',"diagnostics":[';
  const diagnostics = params.diagnostics as unknown[];
  const n = diagnostics.length;
  const last = written.get(uri);
  const old = last?.diagnostics;
  const m = old ? old.length : 0;
  // The plan, in order: for each run of diagnostics that lie one after the other in the last publication, the index of
  // its first and last there; for each other diagnostic its JSON. (Runs as two numbers, JSON as a string.)
  const plan: Array<number | string> = [];
  // Bytes: the head, the tail, each run's (with the commas between its diagnostics) and each JSON, a comma between them.
  let length = Buffer.byteLength(head) + TAIL.length;
  let items = 0;
  // Where the diagnostic before came from: its index in the last publication, or -1 (its JSON in the plan).
  let before = -1;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const d = diagnostics[i];
    let at = -1;
    if (old) {
      if (k < m && old[k] === d) at = k;
      else {
        // The lists parted: diagnostics of the last publication that went, or a new diagnostic here.
        for (let j = k + 1; j < m && j <= k + LOOK_AHEAD; j++) {
          if (old[j] === d) {
            at = j;
            break;
          }
        }
      }
    }
    if (at >= 0) {
      // One run with the diagnostic before it when it followed that one in the last publication too.
      if (before >= 0 && before === at - 1) plan[plan.length - 1] = at;
      else plan.push(at, at);
      before = at;
      k = at + 1;
      continue;
    }
    if (!isPlain(d) || 'toJSON' in d) return undefined;
    const json = JSON.stringify(d);
    before = -1;
    plan.push(json);
    length += Buffer.byteLength(json);
  }
  for (let p = 0; p < plan.length; p++) {
    const x = plan[p]!;
    if (items++ > 0) length++;
    if (typeof x !== 'string') length += endOf(last!, plan[++p] as number) - last!.starts[x]!;
  }
  // Unpooled: the buffer is kept until the document's next publication, and one from the pool would keep its slab.
  const bytes = Buffer.allocUnsafeSlow(length);
  const starts = new Int32Array(n);
  let at = bytes.write(head, 0);
  let i = 0;
  for (let p = 0; p < plan.length; p++) {
    const x = plan[p]!;
    if (p > 0) bytes[at++] = COMMA;
    if (typeof x === 'string') {
      starts[i++] = at;
      at += bytes.write(x, at);
      continue;
    }
    const y = plan[++p] as number;
    const s = last!.starts[x]!;
    // Where each of the run's diagnostics starts: where it started in the last publication, moved with the run.
    const shift = at - s;
    for (let j = x; j <= y; j++) starts[i++] = last!.starts[j]! + shift;
    at += last!.bytes.copy(bytes, at, s, endOf(last!, y));
  }
  at += bytes.write(TAIL, at);
  written.delete(uri);
  // (Never so: the lengths are those of the bytes written. Then as JSON.stringify writes it, kept for nothing.)
  if (at !== length) return undefined;
  // A copy of the list: the bytes are found by index in it, whatever becomes of the caller's array.
  written.set(uri, { diagnostics: diagnostics.slice(), bytes, starts });
  if (written.size > WRITTEN_URIS) written.delete(written.keys().next().value!);
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
