/**
 * How much larger than normal the charts draw (issue 13 item 4: presenter big mode scales the charts too). Charts lay
 * out in a viewBox `scale` times narrower than their box, so ticks, labels, marks and strokes all grow by `scale`
 * while the layout still fits (margins are in viewBox units). 1 = normal; the app passes 1.5 under big=1.
 */
import { createContext } from 'react';

export const ChartScaleContext = createContext(1);

/** The chart scale of presenter big mode. */
export const BIG_CHART_SCALE = 1.5;
