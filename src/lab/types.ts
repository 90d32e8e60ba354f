/** Types of the model lab: one measured run, plus the worker's types (src/inference/lab-types.ts). */
import type { DeviceInfo, TaskMeasurement } from '../inference/lab-types';

export type {
  BackendName,
  BackendPreference,
  DeviceInfo,
  LabProgress,
  LabRunRequest,
  TaskMeasurement,
} from '../inference/lab-types';

/** One measured run: a zoo model, its tasks, problems per task, n samples per problem, pass@k read at k. */
export interface LabRun {
  id: string;
  /** ISO time the run finished. */
  createdAt: string;
  modelId: string;
  /** N, all parameters. */
  params: number;
  /** D, training tokens. */
  tokens: number;
  tasks: string[];
  problems: number;
  /** n, samples per problem (≥ k). */
  samples: number;
  /** The k the run is plotted at: inference FLOPs per token 2Nk. */
  k: number;
  temperature: number;
  seed: number;
  /** Macro mean over tasks of pass@k at `k`. */
  passAtK: number;
  /** Macro mean over tasks of pass@k, keyed by k. */
  passAtKAll: Record<string, number>;
  /** Macro mean answer NLL (nats), or null. */
  nll: number | null;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  wallMs: number;
  /** 2N per token processed. */
  flops: number;
  usedKvCache: boolean;
  device: DeviceInfo;
  perTask: TaskMeasurement[];
}
