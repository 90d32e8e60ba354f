import { describe, expect, it } from 'vitest';
import { ModelLoadError, createSession } from './session';

describe('createSession', () => {
  it('turns bytes that are not an ONNX model into a ModelLoadError naming the file', async () => {
    await expect(createSession('junk.onnx', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).rejects.toThrow(
      /junk\.onnx: onnxruntime-web could not load the model \(the file is not a valid ONNX model/,
    );
    await expect(createSession('empty.onnx', new Uint8Array(0))).rejects.toThrow(
      new ModelLoadError('empty.onnx', 'the model file is empty').message,
    );
    const noise = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    await expect(createSession('noise.onnx', noise)).rejects.toBeInstanceOf(ModelLoadError);
  });
});
