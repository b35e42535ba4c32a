/**
 * Memory model parameters. Each default names its source or is marked ASSUMPTION; all are
 * plain numbers so a configuration can override them.
 */
import type { MemoryKind } from '../hardware';

export interface TlbParams {
  /** Last-level (second-level) TLB entries for each page size. */
  readonly entries4k: number;
  readonly entries2m: number;
  readonly entries1g: number;
  /** A miss that walks the 4-level page table (4 KiB pages). */
  readonly walkNs: number;
  /** Memory accesses per ns of compute that land on a random page of the footprint. */
  readonly accessesPerNs: number;
}

export interface MemoryParams {
  /** Cost of zeroing LWK memory (and a huge page on a Linux fault), per byte. */
  readonly zeroNsPerByte: number;
  /** Linux minor (demand-paging) fault: log-normal median, shape, and clamp. */
  readonly faultNs: number;
  readonly faultSigma: number;
  readonly faultMinNs: number;
  readonly faultMaxNs: number;
  /** At most this many fault costs are drawn per call; the sum is scaled from their mean. */
  readonly faultSamples: number;
  /** LWK memory kinds in order of preference; kinds not listed are not used. */
  readonly kindOrder: readonly MemoryKind[];
  /** brk grows the LWK heap in steps of this many bytes. */
  readonly heapStepBytes: number;
  /** Fragmentation added to a Linux cell per byte churned in it, relative to the cell size. */
  readonly fragPerChurn: number;
  /** Fragmentation of every Linux cell at boot. */
  readonly initialFrag: number;
  readonly tlb: TlbParams;
}

export const DEFAULT_MEMORY_PARAMS: MemoryParams = {
  // ASSUMPTION: one core clears memory at about 10 GB/s (rep stosb / clear_page bandwidth).
  zeroNsPerByte: 0.1,
  // Minor page fault ~1 us median, 0.6-10 us (docs/sources.md, Minor page faults).
  faultNs: 1000,
  // ASSUMPTION: shape chosen so that the 1st-99th percentiles fall inside 0.6-10 us after the clamp.
  faultSigma: 0.5,
  faultMinNs: 600,
  faultMaxNs: 10_000,
  // ASSUMPTION: a modelling shortcut (bounded work per call), not a hardware figure.
  faultSamples: 64,
  // mOS lets a job prefer high-bandwidth memory (MCDRAM) and fall back to DDR; the order is configurable.
  kindOrder: ['HBM', 'DDR'],
  // mOS grows the heap in 2 MiB steps (docs/sources.md, mOS as built: lwk_mm_alloc_pages_vma, MIN_CHUNK_SIZE on x86_64).
  heapStepBytes: 2 * 1024 * 1024,
  // ASSUMPTION: churning one cell's worth of small pages leaves half of its free 2 MiB blocks unusable for THP.
  fragPerChurn: 0.5,
  // ASSUMPTION: a freshly booted node has little fragmentation.
  initialFrag: 0.02,
  tlb: {
    // Intel Skylake-SP STLB: 1536 entries shared by 4 KiB and 2 MiB pages, 16 for 1 GiB (Intel
    // optimization reference manual); each page size is given the full count here.
    entries4k: 1536,
    entries2m: 1536,
    entries1g: 16,
    // ASSUMPTION: TLB miss + walk 100-200 ns (docs/sources.md, TLB miss and page walk).
    walkNs: 150,
    // ASSUMPTION: 2 accesses per us reach a random page; the rest hit recently used pages.
    accessesPerNs: 0.002,
  },
};
