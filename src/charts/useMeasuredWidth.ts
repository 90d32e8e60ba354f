/**
 * The content width of an element, kept up to date with a ResizeObserver. Returns `fallback` until measured (and in
 * server rendering), so charts render deterministically in tests. Under a chart scale above 1 (presenter big mode,
 * ./chart-scale.ts) the width returned is the measured one, capped as the layout caps it, divided by the scale.
 */
import { useContext, useEffect, useRef, useState, type RefObject } from 'react';
import { ChartScaleContext } from './chart-scale';
import { MAX_CHART_WIDTH } from './layout';

export function useMeasuredWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const scale = useContext(ChartScaleContext);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.round(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, scale > 1 ? Math.round(Math.min(MAX_CHART_WIDTH, width) / scale) : width];
}
