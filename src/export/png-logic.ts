/** PNG helpers, pure: the pixel size of an export and reading width/height back from PNG bytes (IHDR). */

/** Device-pixel scale of PNG exports (sharp on slides), capped so a canvas stays small. */
export function pngScale(width: number, height: number, preferred = 2): number {
  const maxSide = 4096;
  return Math.max(0.25, Math.min(preferred, maxSide / Math.max(width, height, 1)));
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const type = String.fromCharCode(...bytes.slice(12, 16));
  if (type !== 'IHDR') throw new Error('PNG without IHDR first');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
