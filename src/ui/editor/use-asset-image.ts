import { useEffect, useState } from 'react';
import { useServices } from '../../app/app-services.ts';

/** Loads a stored image asset (PNG, JPEG, SVG…) as an HTMLImageElement; null while loading or absent. */
export function useAssetImage(sha256: string | null): HTMLImageElement | null {
  const { db } = useServices();
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    setImage(null);
    if (!sha256) return;
    let url: string | null = null;
    let cancelled = false;
    void db.getAsset(sha256).then((asset) => {
      if (!asset || cancelled || !asset.mimeType.startsWith('image/')) return;
      url = URL.createObjectURL(new Blob([asset.bytes], { type: asset.mimeType }));
      const element = new Image();
      element.onload = () => !cancelled && setImage(element);
      element.src = url;
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [db, sha256]);
  return image;
}
