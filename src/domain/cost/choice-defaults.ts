/**
 * The money view's ids and defaults without the hardware data (no JSON import), so the URL schema can declare its keys
 * in any module system (Playwright's Node ESM loader imports the schema). hardware.test checks these ids against
 * data/hardware.json.
 */
export const COST_GPU_IDS = ['a100-40', 'a100-80', 'h100', 'h200'] as const;

/** Defaults of the scenario's money fields: H100s at their preset prices (0), Epoch AI's median MFU 0.375, roofline decode. */
export const COST_CHOICE_DEFAULTS = Object.freeze({
  trainGpu: 'h100',
  serveGpu: 'h100',
  trainPrice: 0,
  servePrice: 0,
  trainMfu: 0.375,
  decodeModel: 'roofline' as const,
});
