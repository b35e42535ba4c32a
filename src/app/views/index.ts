/**
 * The views shown in the main area, in order. Each is a landmark region (a <section> with an
 * aria-label) that draws from the frame bus; adding a view is one line here.
 */
import type { ComponentType } from 'react';
import type { NodeConfig } from '../../engine/config/nodeConfig';
import { CorePartitionsView } from './CorePartitionsView';
import { ChannelsView } from './ChannelsView';
import { TriageView } from './TriageView';
import { TimelineView } from './TimelineView';
import { ScaleView } from './ScaleView';
import { MemoryView } from './MemoryView';
import { MetricsView } from './MetricsView';
import { ConfigPanel } from '../components/ConfigPanel';
import { ReplayView } from './ReplayView';
import { InjectionsPanel } from '../inject/InjectionsPanel';

export interface ViewProps {
  readonly config: NodeConfig;
}

export interface ViewEntry {
  readonly id: string;
  readonly component: ComponentType<ViewProps>;
  /** Views that need the full width (the timeline). */
  readonly wide?: boolean;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'cores', component: CorePartitionsView },
  { id: 'channels', component: ChannelsView },
  { id: 'triage', component: TriageView, wide: true },
  { id: 'timeline', component: TimelineView, wide: true },
  { id: 'memory', component: MemoryView },
  { id: 'metrics', component: MetricsView },
  { id: 'config', component: ConfigPanel },
  { id: 'injections', component: InjectionsPanel },
  { id: 'replay', component: ReplayView, wide: true },
  { id: 'scale', component: ScaleView, wide: true },
];
