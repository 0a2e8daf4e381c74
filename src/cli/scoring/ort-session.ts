// One place that creates onnxruntime-node sessions and reads their I/O against the supported graphs.
import * as ort from 'onnxruntime-node';
import { resolveModelIo, type ModelIo } from '../../reward/model-io.ts';
import type { ModelFolder } from './model-folder.ts';

export interface SessionSettings {
  /** Threads for one operator (ORT's intraOpNumThreads); default 1. */
  threads?: number;
}

export interface LoadedSession {
  session: ort.InferenceSession;
  io: ModelIo;
  /** Element type the graph wants for input_ids / attention_mask / position_ids. */
  idType: 'int64' | 'int32';
}

function inputShape(session: ort.InferenceSession, name: string): readonly (number | string)[] | undefined {
  const meta = session.inputMetadata.find((m) => m.name === name);
  return meta?.isTensor ? meta.shape : undefined;
}

export async function openSession(model: ModelFolder, settings: SessionSettings = {}): Promise<LoadedSession> {
  const session = await ort.InferenceSession.create(model.modelPath, {
    intraOpNumThreads: settings.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  let io: ModelIo;
  try {
    io = resolveModelIo(session.inputNames, session.outputNames, model.config, inputShape(session, 'past_key_values.0.key'));
  } catch (error) {
    await session.release();
    throw new Error(`${model.dir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const idMeta = session.inputMetadata.find((m) => m.name === 'input_ids');
  const idType = idMeta?.isTensor && idMeta.type === 'int32' ? 'int32' : 'int64';
  return { session, io, idType };
}

/** An integer tensor [1, values.length] in the element type the graph wants. */
export function idTensor(type: 'int64' | 'int32', values: ArrayLike<number>): ort.Tensor {
  const data = type === 'int64' ? BigInt64Array.from(Array.from(values), BigInt) : Int32Array.from(values);
  return new ort.Tensor(type, data, [1, values.length]);
}

export function range(start: number, length: number): Int32Array {
  return Int32Array.from({ length }, (_, i) => start + i);
}

/** Feeds for input_ids, attention_mask (all ones over past + chunk) and position_ids. */
export function baseFeeds(loaded: LoadedSession, ids: ArrayLike<number>, pastLength: number): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = { input_ids: idTensor(loaded.idType, ids) };
  if (loaded.io.hasAttentionMask) feeds.attention_mask = idTensor(loaded.idType, new Int32Array(pastLength + ids.length).fill(1));
  if (loaded.io.hasPositionIds) feeds.position_ids = idTensor(loaded.idType, range(pastLength, ids.length));
  return feeds;
}

/** The empty cache [1, kvHeads, 0, headDim] for every past_key_values input. */
export function emptyPast(io: ModelIo): Record<string, ort.Tensor> {
  const past: Record<string, ort.Tensor> = {};
  for (const name of io.pastNames) past[name] = new ort.Tensor('float32', new Float32Array(0), io.emptyPastDims);
  return past;
}

export function float32Output(outputs: ort.InferenceSession.OnnxValueMapType, name: string): { data: Float32Array; dims: readonly number[] } {
  const tensor = outputs[name] as ort.Tensor | undefined;
  if (!tensor) throw new Error(`model returned no '${name}' output`);
  if (tensor.type !== 'float32') throw new Error(`'${name}' is ${tensor.type}; only float32 models are supported`);
  return { data: tensor.data as Float32Array, dims: tensor.dims };
}
