// Input and output names of the bundled ONNX graphs, as onnxruntime reads them.
import { join } from 'node:path';
import { openSession } from './onnx-runner';

export async function readIo(modelsDir: string): Promise<Record<string, { inputs: string[]; outputs: string[] }>> {
  const io: Record<string, { inputs: string[]; outputs: string[] }> = {};
  for (const id of ['trellis-lm-tiny', 'trellis-rm-tiny']) {
    const session = await openSession(join(modelsDir, id, 'onnx/model.onnx'));
    io[id] = { inputs: [...session.inputNames], outputs: [...session.outputNames] };
    await session.release();
  }
  return io;
}
