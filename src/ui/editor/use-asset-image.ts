import { useEffect, useState } from 'react';
import { useServices } from '../../app/app-services.ts';
import { loadAssetImage } from './load-asset-image.ts';

/** Loads a stored image asset (PNG, JPEG, SVG…) as an HTMLImageElement; null while loading or absent. */
export function useAssetImage(sha256: string | null): HTMLImageElement | null {
  const { db } = useServices();
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    setImage(null);
    if (!sha256) return;
    let url: string | null = null;
    let cancelled = false;
    void loadAssetImage(db, sha256).then((loaded) => {
      if (!loaded) return;
      if (cancelled) return URL.revokeObjectURL(loaded.url);
      url = loaded.url;
      setImage(loaded.image);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [db, sha256]);
  return image;
}
