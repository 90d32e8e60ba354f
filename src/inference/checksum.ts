/** SHA-256 of model bytes via Web Crypto (crypto.subtle), available in browsers, workers and Node ≥ 20. */

/** Lower-case hex SHA-256 of `bytes`. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('crypto.subtle is not available (a secure context is needed to verify model checksums)');
  const digest = await subtle.digest('SHA-256', bytes as BufferSource);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export class ChecksumError extends Error {
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `${file}: checksum mismatch (expected sha256 ${expected}, got ${actual}); the file is corrupt, truncated or from another zoo version`,
    );
    this.name = 'ChecksumError';
  }
}

/** Throws a ChecksumError unless sha256(bytes) equals `expected` (hex, case-insensitive). */
export async function verifySha256(file: string, bytes: ArrayBuffer | Uint8Array, expected: string): Promise<void> {
  const actual = await sha256Hex(bytes);
  if (actual !== expected.toLowerCase()) throw new ChecksumError(file, expected, actual);
}
