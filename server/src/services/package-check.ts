/**
 * What the portal accepts as a deliverable package, checked before anything is stored: the ZIP's MD5 equals the one
 * given (the `.md5` file beside it, `md5sum` format or bare hex), the archive's directory reads, no entry name climbs
 * out of the archive or is absolute, and the sizes it declares stay within limits (a ZIP bomb is refused without
 * inflating anything).
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { DeliverableFile } from '../db/schema.ts';
import { PortalError } from './errors.ts';

export const PACKAGE_LIMITS = { zipBytes: 200 * 1024 * 1024, files: 500, inflatedBytes: 1024 * 1024 * 1024 };

/** The hex MD5 in a `.md5` file's text (`<hex>  <name>`) or a bare hex string. */
export function md5Of(text: string): string | null {
  return /^\s*([0-9a-fA-F]{32})\b/.exec(text)?.[1]?.toLowerCase() ?? null;
}

export function checkPackage(zip: Uint8Array, md5Text: string): { md5: string; sha256: string; files: DeliverableFile[] } {
  const expected = md5Of(md5Text);
  if (!expected) throw new PortalError(400, 'Somme MD5 absente ou illisible : joignez le fichier .md5 livré avec l’archive.');
  if (zip.byteLength > PACKAGE_LIMITS.zipBytes) throw new PortalError(413, `Archive trop volumineuse : ${PACKAGE_LIMITS.zipBytes / 1024 / 1024} Mo au plus.`);
  const md5 = createHash('md5').update(zip).digest('hex');
  if (md5 !== expected) throw new PortalError(400, `La somme MD5 de l’archive reçue (${md5}) ne correspond pas à celle fournie (${expected}) : l’archive a été altérée ou tronquée pendant l’envoi. Renvoyez-la.`);
  const files: DeliverableFile[] = [];
  let declared = 0;
  try {
    unzipSync(zip, {
      filter: (entry) => {
        if (entry.name.startsWith('/') || entry.name.includes('\\') || entry.name.split('/').includes('..') || /^[a-zA-Z]:/.test(entry.name)) throw new PortalError(400, `Nom de fichier refusé dans l’archive : « ${entry.name} » (chemin absolu ou remontant hors de l’archive).`);
        declared += entry.originalSize;
        if (!entry.name.endsWith('/')) files.push({ name: entry.name, size: entry.originalSize });
        if (files.length > PACKAGE_LIMITS.files || declared > PACKAGE_LIMITS.inflatedBytes) throw new PortalError(413, `Archive refusée : plus de ${PACKAGE_LIMITS.files} fichiers ou plus de ${PACKAGE_LIMITS.inflatedBytes / 1024 / 1024} Mo une fois décompressée.`);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof PortalError) throw error;
    throw new PortalError(400, 'Ce fichier n’est pas une archive ZIP lisible : renvoyez l’archive des livrables produite par Ondeplan.');
  }
  if (files.length === 0) throw new PortalError(400, 'L’archive est vide.');
  return { md5, sha256: createHash('sha256').update(zip).digest('hex'), files };
}
