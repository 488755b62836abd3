import type { ProjectDatabase } from '../../storage/project-database.ts';

/**
 * A stored image asset (PNG, JPEG, SVG…) as a loaded HTMLImageElement and the object URL behind it (the caller
 * revokes it when done); null when absent, not an image, or unreadable.
 */
export async function loadAssetImage(db: Pick<ProjectDatabase, 'getAsset'>, sha256: string): Promise<{ image: HTMLImageElement; url: string } | null> {
  const asset = await db.getAsset(sha256);
  if (!asset || !asset.mimeType.startsWith('image/')) return null;
  const url = URL.createObjectURL(new Blob([asset.bytes], { type: asset.mimeType }));
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve({ image, url });
    image.onerror = () => {
      URL.revokeObjectURL(url);
      resolve(null);
    };
    image.src = url;
  });
}
