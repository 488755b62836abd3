import { useEffect, useState } from 'react';
import { useServices } from '../../app/app-services.ts';
import type { Segment } from '../../editor/geometry.ts';

/** The plan's vector lines (plan units) loaded from their asset; empty while loading or when the plan has none. */
export function usePlanLines(vectorsSha256: string | null): readonly Segment[] {
  const { db } = useServices();
  const [lines, setLines] = useState<readonly Segment[]>([]);
  useEffect(() => {
    setLines([]);
    if (!vectorsSha256) return;
    let live = true;
    void db.getAsset(vectorsSha256).then((asset) => {
      if (!asset || !live) return;
      const values = new Float32Array(asset.bytes.slice(0));
      const segments: Segment[] = [];
      for (let index = 0; index + 3 < values.length; index += 4) segments.push({ a: { x: values[index]!, y: values[index + 1]! }, b: { x: values[index + 2]!, y: values[index + 3]! } });
      setLines(segments);
    });
    return () => {
      live = false;
    };
  }, [db, vectorsSha256]);
  return lines;
}
