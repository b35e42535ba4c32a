/**
 * The views shown in the main area, in order. Each is a landmark region (a <section> with an
 * aria-label) that draws from the frame bus; adding a view is one line here. The views at the
 * top of the page load with it; the others (`deferred`) load once the first frame is drawn, so
 * the page shows sooner (bench:ui's initial JavaScript).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { CorePartitionsView } from './CorePartitionsView';
import { ChannelsView } from './ChannelsView';
import { TriageView } from './TriageView';

export interface ViewProps {
  readonly config: NodeConfig;
}

export interface ViewEntry {
  readonly id: string;
  /** A lazy component for a deferred view: render it inside <Suspense>. */
  readonly component: ComponentType<ViewProps> | LazyExoticComponent<ComponentType<ViewProps>>;
  /** Views that need the full width (the timeline). */
  readonly wide?: boolean;
  /** Loaded after the first frame (below the top of the page). */
  readonly deferred?: boolean;
}

/** A view from its module, loaded on first render. */
const later = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType<ViewProps>) => lazy(() => load().then((m) => ({ default: pick(m) })));
const TimelineView = later(() => import('./TimelineView'), (m) => m.TimelineView);
const MemoryView = later(() => import('./MemoryView'), (m) => m.MemoryView);
const MetricsView = later(() => import('./MetricsView'), (m) => m.MetricsView);
const ConfigPanel = later(() => import('../components/ConfigPanel'), (m) => m.ConfigPanel);
const InjectionsPanel = later(() => import('../inject/InjectionsPanel'), (m) => m.InjectionsPanel);
const ReplayView = later(() => import('./ReplayView'), (m) => m.ReplayView);
const ScaleView = later(() => import('./ScaleView'), (m) => m.ScaleView);

export const VIEWS: readonly ViewEntry[] = [
  { id: 'cores', component: CorePartitionsView },
  { id: 'channels', component: ChannelsView },
  { id: 'triage', component: TriageView, wide: true },
  { id: 'timeline', component: TimelineView, wide: true, deferred: true },
  { id: 'memory', component: MemoryView, deferred: true },
  { id: 'metrics', component: MetricsView, deferred: true },
  { id: 'config', component: ConfigPanel, deferred: true },
  { id: 'injections', component: InjectionsPanel, deferred: true },
  { id: 'replay', component: ReplayView, wide: true, deferred: true },
  { id: 'scale', component: ScaleView, wide: true, deferred: true },
];
