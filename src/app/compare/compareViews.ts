/** The views compare mode can show on both sides, in the order of the chooser. */
import type { ComponentType } from 'react';
import type { ViewProps } from '../views';
import { CorePartitionsView } from '../views/CorePartitionsView';
import { ChannelsView } from '../views/ChannelsView';
import { TriageView } from '../views/TriageView';
import { TimelineView } from '../views/TimelineView';
import { MemoryView } from '../views/MemoryView';
import { MetricsView } from '../views/MetricsView';
import { ConfigPanel } from '../components/ConfigPanel';
import type { CompareViewId } from '../session/page';

export interface CompareViewEntry {
  readonly id: CompareViewId;
  readonly label: string;
  readonly component: ComponentType<ViewProps>;
}

export const COMPARE_VIEWS: readonly CompareViewEntry[] = [
  { id: 'cores', label: 'Core partitions', component: CorePartitionsView },
  { id: 'channels', label: 'Channels', component: ChannelsView },
  { id: 'triage', label: 'Syscall triage', component: TriageView },
  { id: 'timeline', label: 'Timeline', component: TimelineView },
  { id: 'memory', label: 'Memory regions', component: MemoryView },
  { id: 'metrics', label: 'Metrics', component: MetricsView },
  { id: 'config', label: 'Configuration', component: ConfigPanel },
];
