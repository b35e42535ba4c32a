/**
 * Where each number sits in the flat buffers of a frame (and of a timeline reply): one named
 * table per buffer, used by the frame writer and by every view, so no one indexes `o + 4`.
 * The routes buffer grows with the descriptor tables: its stride is read at use time, because a
 * design may register routes or stages after this module is loaded.
 */
import { ROUTES, STAGES } from '../engine/descriptors';
import { decodeTrace, type TraceEvent } from '../engine/trace/decode';
import type { TraceBatch } from '../engine/kernel/trace';
import type { FrameBuffers } from './protocol';

interface Layout<K extends string> {
  /** Offset of each field inside one record. */
  readonly field: { readonly [P in K]: number };
  /** Numbers per record. */
  readonly stride: number;
}

function layout<const K extends string>(names: readonly K[]): Layout<K> {
  return { field: Object.fromEntries(names.map((n, i) => [n, i])) as { [P in K]: number }, stride: names.length };
}

/** FrameBuffers.channels: one record per Linux channel. */
export const CHANNEL = layout(['syscallCpu', 'depth', 'capacity', 'waiting', 'messages', 'ipis', 'transitions']);
/** FrameBuffers.fwq: one record per CPU (ns). */
export const FWQ = layout(['quanta', 'meanNoise', 'maxNoise']);
/** FrameBuffers.events: one trace record each (decode with eventAt). */
export const EVENT = layout(['kind', 'time', 'cpu', 'pid', 'a', 'b']);
/** FrameBuffers.flights: one in-flight IPI each. */
export const FLIGHT = layout(['kind', 'from', 'to', 'start', 'end']);
/** TimelineReply.spans (per CPU). */
export const SPAN = layout(['start', 'end', 'activity', 'pid']);
/** TimelineReply.flows: one forwarded call each. */
export const FLOW = layout(['callerCpu', 'issueTime', 'serverCpu', 'serveTime', 'pid']);
/** FrameBuffers.routes: these fixed fields, then the mean of each stage (STAGES order). */
export const ROUTE_FIXED = layout(['count', 'p50', 'p99', 'max', 'mean']);

export type ChannelField = keyof typeof CHANNEL.field;
export type FwqField = keyof typeof FWQ.field;
export type RouteField = keyof typeof ROUTE_FIXED.field;

/** Numbers per route: the fixed fields and one per registered stage. */
export function routeStride(): number {
  return ROUTE_FIXED.stride + STAGES.length;
}

/** Length of the routes buffer for the routes registered now. */
export function routesLength(): number {
  return ROUTES.length * routeStride();
}

export function routeValue(routes: Float64Array, route: number, f: RouteField): number {
  return routes[route * routeStride() + ROUTE_FIXED.field[f]] ?? 0;
}

/** Mean time a call of `route` spent in `stage` (ns). */
export function stageMean(routes: Float64Array, route: number, stage: number): number {
  return routes[route * routeStride() + ROUTE_FIXED.stride + stage] ?? 0;
}

/** Where the writer puts a route's field (`stage` >= 0: that stage's mean). */
export function routeOffset(route: number, f: RouteField | { stage: number }): number {
  return route * routeStride() + (typeof f === 'string' ? ROUTE_FIXED.field[f] : ROUTE_FIXED.stride + f.stage);
}

export function channelCount(channels: Float64Array): number {
  return Math.floor(channels.length / CHANNEL.stride);
}

export function channelValue(channels: Float64Array, ch: number, f: ChannelField): number {
  return channels[ch * CHANNEL.stride + CHANNEL.field[f]];
}

/** Slots per channel in FrameBuffers.channelSlots: `capacity` queued pids, then waiting senders' pids. */
export function slotsPerChannel(b: FrameBuffers): number {
  const n = channelCount(b.channels);
  return n > 0 ? b.channelSlots.length / n : 0;
}

/** Pid of the message in slot `idx` of channel `ch`, or -1. */
export function slotPid(b: FrameBuffers, ch: number, idx: number): number {
  return b.channelSlots[ch * slotsPerChannel(b) + idx] ?? -1;
}

/** Pid of the `k`-th sender waiting for a slot of channel `ch`, or -1. */
export function waitingPid(b: FrameBuffers, ch: number, k: number): number {
  return b.channelSlots[ch * slotsPerChannel(b) + channelValue(b.channels, ch, 'capacity') + k] ?? -1;
}

export function fwqValue(fwq: Float64Array, cpu: number, f: FwqField): number {
  return fwq[cpu * FWQ.stride + FWQ.field[f]] ?? 0;
}

/** The `i`-th event of a frame, decoded. */
export function eventAt(events: Float64Array, i: number): TraceEvent {
  const o = i * EVENT.stride, f = EVENT.field;
  return decodeTrace(events[o + f.kind], events[o + f.time], events[o + f.cpu], events[o + f.pid], events[o + f.a], events[o + f.b]);
}

/** Copies record `j` of a drained batch into event slot `i` (the worker's side of eventAt). */
export function writeEvent(events: Float64Array, i: number, batch: TraceBatch, j: number): void {
  const o = i * EVENT.stride, f = EVENT.field;
  events[o + f.kind] = batch.kind[j];
  events[o + f.time] = batch.time[j];
  events[o + f.cpu] = batch.cpu[j];
  events[o + f.pid] = batch.pid[j];
  events[o + f.a] = batch.a[j];
  events[o + f.b] = batch.b[j];
}

export interface Flight {
  readonly kind: number;
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
}

export function flightAt(flights: Float64Array, i: number): Flight {
  const o = i * FLIGHT.stride, f = FLIGHT.field;
  return { kind: flights[o + f.kind], from: flights[o + f.from], to: flights[o + f.to], start: flights[o + f.start], end: flights[o + f.end] };
}
