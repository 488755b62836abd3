/**
 * The deliverable package: one ZIP holding the chosen documents, and beside it a `.md5` file with the ZIP's MD5
 * checksum, as the contract asks for deliverables sent as archives. The MD5 line follows md5sum's format
 * (`<hex>  <file name>`) so `md5sum -c` verifies it.
 */
import SparkMD5 from 'spark-md5';
import { zipSync } from 'fflate';
import type { ProjectDocument } from '../model/schema.ts';
import { packageFileName } from '../storage/project-repository.ts';

export interface DeliverableFile {
  name: string;
  bytes: Uint8Array;
}

export interface DeliverablePackage {
  zipName: string;
  zip: Uint8Array;
  md5Name: string;
  md5: string;
  md5File: Uint8Array;
}

export function md5Hex(bytes: Uint8Array): string {
  return SparkMD5.ArrayBuffer.hash(bytes.slice().buffer as ArrayBuffer);
}

export function deliverableBaseName(document: ProjectDocument, date: Date): string {
  return `${packageFileName(document).replace(/\.ondeplan$/, '')}-livrables-${date.toISOString().slice(0, 10)}`;
}

export function buildDeliverablePackage(document: ProjectDocument, files: readonly DeliverableFile[], date: Date): DeliverablePackage {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 0 | 6 }]> = {};
  // PNG, PDF and office files are compressed already: stored as they are, the archive is as small and built faster.
  for (const file of files) entries[file.name] = [file.bytes, { mtime: date, level: /\.(png|pdf|xlsx|ods|odg|vsdx)$/i.test(file.name) ? 0 : 6 }];
  const zip = zipSync(entries, { level: 6 });
  const base = deliverableBaseName(document, date);
  const zipName = `${base}.zip`;
  const md5 = md5Hex(zip);
  return { zipName, zip, md5Name: `${zipName}.md5`, md5, md5File: new TextEncoder().encode(`${md5}  ${zipName}\n`) };
}
