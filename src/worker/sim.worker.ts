/// <reference lib="webworker" />
/** The worker entry: owns the simulation, answers the page's messages (src/worker/protocol.ts). */
import { Runner } from './runner';
import type { FromWorker, ToWorker } from './protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel yields to pending messages faster than setTimeout(0) (no 4 ms clamping).
const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => guarded(() => queued.shift()?.());

/** Any exception is reported to the page (which offers a restart) instead of silently killing the run. */
function guarded(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    ctx.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
  }
}

const runner = new Runner({
  now: () => performance.now(),
  post: (message: FromWorker, transfer?: ArrayBuffer[]) => ctx.postMessage(message, transfer ?? []),
  yieldThen: (fn) => {
    queued.push(fn);
    channel.port2.postMessage(null);
  },
  sleepThen: (ms, fn) => void setTimeout(() => guarded(fn), ms),
});

ctx.onmessage = (event: MessageEvent<ToWorker>) => guarded(() => runner.handle(event.data));
