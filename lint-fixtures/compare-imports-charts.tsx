// as: src/compare/Marks.tsx
// The compare folder draws no chart itself: the charts take A from the engine's data (src/compare/README.md).
import { FrontierMap } from '../charts/FrontierMap';

export const Map = FrontierMap;
