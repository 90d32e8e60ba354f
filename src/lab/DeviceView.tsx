/** Where runs run: backend, adapter, threads, browser, isolation, and why a fallback happened. */
import type { DeviceInfo } from './types';

export function DeviceView({ device }: { device: DeviceInfo | null }) {
  if (!device)
    return (
      <p className="lab__status" data-testid="lab.device">
        Checking WebGPU and WASM…
      </p>
    );
  return (
    <div data-testid="lab.device" data-backend={device.backend}>
      <dl className="lab__device">
        <dt>Backend</dt>
        <dd data-testid="lab.backend">{device.backend === 'webgpu' ? 'WebGPU' : 'WASM'}</dd>
        <dt>Adapter</dt>
        <dd data-testid="lab.adapter">{device.adapter ?? '— (CPU)'}</dd>
        <dt>Threads</dt>
        <dd>
          {device.threads}
          {device.crossOriginIsolated ? '' : ' (page not cross-origin isolated: one thread)'}
        </dd>
        <dt>Browser</dt>
        <dd>{device.browser}</dd>
      </dl>
      {device.fallbackReason ? (
        <p className="lab__hint" data-testid="lab.fallback">
          {device.fallbackReason}
        </p>
      ) : null}
    </div>
  );
}
