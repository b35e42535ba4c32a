/**
 * Several strace -ff files (PREFIX.PID) travel to the worker as one Blob, so that the import
 * message stays `{ file: Blob }`: a header (its byte length in 10 digits, a newline, then JSON
 * naming each file with its pid and size) followed by the files themselves. Building it reads
 * nothing (a Blob of Blobs); the worker slices each file back out and streams it.
 */
import { orderFfFiles } from '../engine/strace/ffFiles';

export const STRACE_FILE_SET_TYPE = 'application/x-mos-explorer-strace-files';
const LENGTH_DIGITS = 10;

export interface FileSetEntry {
  readonly name: string;
  readonly pid: number;
  readonly size: number;
}

/** Packs named blobs (File objects) into one Blob, in pid order; a message when a name is not PREFIX.PID. */
export function packStraceFiles(files: readonly { readonly name: string; readonly blob: Blob }[]): { ok: true; blob: Blob; entries: FileSetEntry[] } | { ok: false; message: string } {
  const ordered = orderFfFiles(files, (f) => f.name);
  if (!ordered.ok) return ordered;
  const entries = ordered.files.map((f) => ({ name: f.name, pid: f.pid, size: f.item.blob.size }));
  const header = new TextEncoder().encode(JSON.stringify(entries));
  const length = String(header.length).padStart(LENGTH_DIGITS, '0') + '\n';
  const blob = new Blob([length, header, ...ordered.files.map((f) => f.item.blob)], { type: STRACE_FILE_SET_TYPE });
  return { ok: true, blob, entries };
}

/** The files of a packed set, each a slice of the Blob; a message if the set is malformed. */
export async function unpackStraceFiles(set: Blob): Promise<{ ok: true; files: { entry: FileSetEntry; blob: Blob }[] } | { ok: false; message: string }> {
  const bad = (why: string) => ({ ok: false as const, message: `the set of strace -ff files is malformed: ${why}` });
  const lengthText = await set.slice(0, LENGTH_DIGITS + 1).text();
  const length = /^\d{10}\n$/.test(lengthText) ? Number(lengthText.slice(0, LENGTH_DIGITS)) : -1;
  if (length < 0 || LENGTH_DIGITS + 1 + length > set.size) return bad('no header');
  let entries: unknown;
  try {
    entries = JSON.parse(await set.slice(LENGTH_DIGITS + 1, LENGTH_DIGITS + 1 + length).text());
  } catch {
    return bad('the header is not JSON');
  }
  if (!Array.isArray(entries) || entries.length === 0) return bad('the header lists no files');
  const files: { entry: FileSetEntry; blob: Blob }[] = [];
  let at = LENGTH_DIGITS + 1 + length;
  for (const e of entries as Partial<FileSetEntry>[]) {
    if (typeof e?.name !== 'string' || !Number.isInteger(e.pid) || !Number.isInteger(e.size) || (e.size as number) < 0) return bad('a file entry lacks its name, pid or size');
    const entry = { name: e.name, pid: e.pid as number, size: e.size as number };
    if (at + entry.size > set.size) return bad(`${entry.name} is cut short`);
    files.push({ entry, blob: set.slice(at, at + entry.size) });
    at += entry.size;
  }
  if (at !== set.size) return bad('bytes after the last file');
  const check = orderFfFiles(files, (f) => f.entry.name);
  if (!check.ok) return check;
  if (check.files.some((f) => f.pid !== f.item.entry.pid)) return bad('a pid does not match its file name');
  return { ok: true, files };
}
