// as: src/charts/FenceCrossing.tsx
// A chart reading the store: charts take plain data (src/charts/README.md).
import { useAppStore } from '../store/context';

export const crossing = useAppStore;
