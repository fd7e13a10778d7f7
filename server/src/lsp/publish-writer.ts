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
import type { Writable } from 'node:stream';
import { AbstractMessageWriter } from 'vscode-languageserver/node';
import type { Message, MessageWriter } from 'vscode-languageserver/node';

const METHOD = 'textDocument/publishDiagnostics';

const utf8 = new TextEncoder();
/** Each diagnostic's JSON in UTF-8 (unpooled: a small Buffer from the pool would keep an 8 KB slab alive with it). */
const pieces = new WeakMap<object, Uint8Array>();
const COMMA = utf8.encode(',');

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
  const parts: Uint8Array[] = new Array(diagnostics.length * 2 + 1);
  parts[0] = utf8.encode(head);
  let length = parts[0].length + 3;
  let n = 1;
  for (let i = 0; i < diagnostics.length; i++) {
    const piece = pieceOf(diagnostics[i]);
    if (!piece) return undefined;
    if (i > 0) {
      parts[n++] = COMMA;
      length++;
    }
    parts[n++] = piece;
    length += piece.length;
  }
  parts.length = n;
  parts.push(utf8.encode(']}}'));
  return Buffer.concat(parts, length);
}

/** The message's bytes: those of JSON.stringify(msg) in `charset`. */
export function encodeMessage(msg: Message, charset: string): Buffer {
  const utf = charset === 'utf-8' || charset === 'utf8';
  return (utf ? publication(msg) : undefined) ?? Buffer.from(JSON.stringify(msg, undefined, 0), charset as BufferEncoding);
}

/**
 * The server's writer on a stream (--stdio): each message framed (`Content-Length` header, then its bytes from
 * encodeMessage) and handed to the stream at once, in the order the connection gives them, header and body in one
 * write (corked). vscode-jsonrpc's StreamMessageWriter waits for a turn of the event loop (setImmediate) before each
 * message and then writes header and body one after the other: the status after an edit's check waited two turns
 * behind the timing line before it. Node keeps the order of writes on a stream, so no queue is needed; a message that
 * cannot be encoded is an error of that message only (reported, its promise rejected), as before.
 */
export class DirectStreamWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: Writable) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let body: Buffer;
    try {
      body = encodeMessage(msg, 'utf-8');
    } catch (error) {
      this.fireError(error, msg, ++this.errorCount);
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      const stream = this.stream;
      stream.cork();
      stream.write(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
      stream.write(body, (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errorCount);
        reject(error);
      });
      stream.uncork();
    });
  }

  end(): void {
    this.stream.end();
  }
}
