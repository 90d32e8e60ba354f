// as: src/charts/pinned-rows.ts
// Charts take plain data: a feature folder such as src/compare is above them (src/charts/README.md).
import { compareRows } from '../compare/rows';

export const rows = compareRows;
