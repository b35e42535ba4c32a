/** Reading the files a command is given, on Node: only regular files, of a bounded size. */
import { readFile, stat } from 'node:fs/promises';

/** The largest file a command reads whole (strace logs of several hundred MB are fine). */
export const MAX_INPUT_BYTES = 2 ** 30;

/** A device or a pipe (/dev/zero) would never end, and a huge file would exhaust memory: both are refused. */
export async function readRegularFile(path: string): Promise<Uint8Array> {
  const s = await stat(path);
  if (!s.isFile()) throw new Error(`${path} is not a regular file`);
  if (s.size > MAX_INPUT_BYTES) throw new Error(`${path} is ${s.size.toLocaleString('en-US')} bytes: more than the ${MAX_INPUT_BYTES / 2 ** 30} GiB a file may have`);
  return new Uint8Array(await readFile(path));
}
