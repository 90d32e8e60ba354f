import { describe, expect, it } from 'vitest';
import { ChecksumError, sha256Hex, verifySha256 } from './checksum';

describe('sha256', () => {
  it('matches the FIPS 180-2 test vectors', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('verifies, and names the file on a mismatch', async () => {
    const bytes = new TextEncoder().encode('abc');
    await expect(
      verifySha256('m.onnx', bytes, 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD'),
    ).resolves.toBeUndefined();
    await expect(
      verifySha256('m.onnx', bytes.subarray(1), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    ).rejects.toThrow(ChecksumError);
    await expect(verifySha256('m.onnx', bytes.subarray(1), '00')).rejects.toThrow(/m\.onnx: checksum mismatch/);
  });
});
