/// <reference lib="webworker" />
/** The scale worker's entry: runs scale sweeps (src/worker/scaleRunner.ts) apart from the node simulation. */
import { ScaleRunner } from './scaleRunner';
import type { FromScaleWorker, ToScaleWorker } from './scaleProtocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel yields to pending messages (a cancel) without setTimeout's 4 ms clamping.
const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();

const runner = new ScaleRunner({
  now: () => performance.now(),
  post: (message: FromScaleWorker) => ctx.postMessage(message),
  yieldThen: (fn) => {
    queued.push(fn);
    channel.port2.postMessage(null);
  },
});

ctx.onmessage = (event: MessageEvent<ToScaleWorker>) => {
  const msg = event.data;
  try {
    runner.handle(msg);
  } catch (e) {
    ctx.postMessage({ type: 'error', runId: msg.type === 'start' || msg.type === 'cancel' ? msg.runId : -1, message: e instanceof Error ? e.message : String(e) } satisfies FromScaleWorker);
  }
};
