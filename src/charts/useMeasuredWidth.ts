/**
 * The content width of an element, measured before the first paint and kept up to date with a ResizeObserver. Returns `fallback` until measured (and in
 * server rendering), so charts render deterministically in tests. Under a chart scale above 1 (presenter big mode,
 * ./chart-scale.ts) the width returned is the measured one, capped as the layout caps it, divided by the scale.
 */
import { useContext, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { ChartScaleContext } from './chart-scale';
import { MAX_CHART_WIDTH } from './layout';

export function useMeasuredWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const scale = useContext(ChartScaleContext);
  const [width, setWidth] = useState(fallback);
  // Measured once before the first paint, so the chart never paints at the fallback width and then jumps (the page
  // below it moved after the first result, and a click aimed below could land elsewhere).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const w = el.clientWidth - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
    if (w > 0) setWidth(Math.round(w));
  }, []);
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
