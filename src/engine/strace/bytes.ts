/** Byte-level entry points: UTF-8 decoding with a streaming TextDecoder, then the text parser. */
import { createStraceParser, type StraceParserOptions, type StraceResult } from './parser';

/** Parses a log given as byte chunks (a multi-byte character may straddle two chunks). */
export function parseStraceBytes(chunks: Iterable<Uint8Array>, options?: StraceParserOptions): StraceResult {
  const decoder = new TextDecoder('utf-8');
  const parser = createStraceParser(options);
  for (const chunk of chunks) parser.push(decoder.decode(chunk, { stream: true }));
  parser.push(decoder.decode());
  return parser.end();
}

/** The same for an async source (a Node read stream, a web ReadableStream's iterator). */
export async function parseStraceStream(chunks: AsyncIterable<Uint8Array>, options?: StraceParserOptions): Promise<StraceResult> {
  const decoder = new TextDecoder('utf-8');
  const parser = createStraceParser(options);
  for await (const chunk of chunks) parser.push(decoder.decode(chunk, { stream: true }));
  parser.push(decoder.decode());
  return parser.end();
}

/** Parses a whole log held in one string. */
export function parseStraceText(text: string, options?: StraceParserOptions): StraceResult {
  const parser = createStraceParser(options);
  parser.push(text);
  return parser.end();
}

/** One -ff file to merge: its name (PREFIX.PID), the pid of its lines, its bytes. */
export interface StraceFileInput {
  readonly name: string;
  readonly pid: number;
  readonly chunks: Iterable<Uint8Array>;
}

/** Parses the files of one `strace -ff -o PREFIX` run into one result (each file's lines get its pid). */
export function parseStraceFiles(files: readonly StraceFileInput[], options?: StraceParserOptions): StraceResult {
  const parser = createStraceParser(options);
  for (const f of files) {
    const decoder = new TextDecoder('utf-8');
    parser.beginFile(f.name, f.pid);
    for (const chunk of f.chunks) parser.push(decoder.decode(chunk, { stream: true }));
    parser.push(decoder.decode());
  }
  return parser.end();
}
