/**
 * What each region of the page is, in words: its title, two sentences for its "?" and the
 * introduction, and the lesson that covers it. Data only (no components), so lessons, the
 * introduction and their tests read it without loading the views.
 */
export interface ViewInfo {
  readonly id: string;
  /** The region's name (its heading and landmark label). */
  readonly title: string;
  /** Two sentences: what it shows and what to look for. */
  readonly about: string;
  /** The lesson that covers it (src/app/lessons/data). */
  readonly lesson: string;
}

export const VIEW_INFO: readonly ViewInfo[] = [
  {
    id: 'cores',
    title: 'Core partitions',
    about: 'Every CPU of the node as a tile, coloured by the kernel that owns it (the lightweight kernel or Linux) and by what it is doing now. Arcs are inter-processor interrupts (IPIs), dashed by purpose; click a tile to inspect that CPU.',
    lesson: 'partitioning',
  },
  {
    id: 'channels',
    title: 'Channels',
    about: 'The per-process queues through which the lightweight kernel ships system calls to Linux: messages enter, a doorbell IPI wakes the syscall CPU, which takes the whole list (get_list) and hands each call to a proxy. Watch how many messages ride on one IPI.',
    lesson: 'shipping',
  },
  {
    id: 'triage',
    title: 'Syscall triage',
    about: 'Where each system call goes: handled in glibc (vDSO, aggregation), by the lightweight kernel itself, forwarded to Linux, or shipped to an OS node. Bars split each route\'s latency into its stages.',
    lesson: 'triage',
  },
  {
    id: 'timeline',
    title: 'Timeline',
    about: 'One lane per CPU over simulated time: computation, system calls, interrupts, ticks and daemons as coloured spans. Zoom in to see single events, such as a tick interrupting an application CPU.',
    lesson: 'why-lwk',
  },
  {
    id: 'memory',
    title: 'Memory regions',
    about: 'Physical memory per NUMA domain: the lightweight kernel\'s contiguous regions with large pages against Linux\'s demand-paged memory. Page faults and the TLB factor show what demand paging costs the application.',
    lesson: 'memory',
  },
  {
    id: 'metrics',
    title: 'Metrics',
    about: 'The run in numbers: FWQ noise per CPU, latency per route with its stages, IPIs, page faults and Linux CPU use. Compare them across presets and designs.',
    lesson: 'why-lwk',
  },
  {
    id: 'config',
    title: 'Configuration',
    about: 'The node being simulated: the design, the lwkcpus= and lwkmem= partition with its boot line, and every cost as a parameter. Apply restarts the simulation from time zero.',
    lesson: 'partitioning',
  },
  {
    id: 'replay',
    title: 'Replay',
    about: 'An strace log of your own program replayed on the simulated node: each of its calls goes through the same triage. Import a log from the header to fill it.',
    lesson: 'your-program',
  },
  {
    id: 'scale',
    title: 'Scale',
    about: 'What the noise of one node does to a bulk-synchronous program on thousands of nodes: every step waits for the slowest node. Simulated slowdowns next to their closed forms.',
    lesson: 'why-lwk',
  },
];

export function viewInfo(id: string): ViewInfo | undefined {
  return VIEW_INFO.find((v) => v.id === id);
}
