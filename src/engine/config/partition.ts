/**
 * Static partitions of a node between Linux and the LWK: the public API. See
 * docs/partitions.md for the syntax, the rules and the messages.
 */
export type { Diagnostic } from './diagnostic';
export {
  LINUX_MIN_BYTES_PER_CPU_DOMAIN,
  LWK_PAGE_BYTES,
  describePartition,
  lwkCapacity,
  type CpuRole,
  type LwkGroup,
  type LwkMemory,
  type Partition,
  type PartitionLayout,
  type PartitionParse,
} from './partitionTypes';
export { mosBootLine, parsePartition, printPartition } from './partitionText';
export { paperBootLine, type PaperBootLine } from './bootLine';
export { DEFAULT_PARTITION_TEXT, defaultMosPartition } from './partitionPresets';
export { formatCpuList, parseCpuList } from './cpuList';
export { formatSize, humanBytes, parseSize } from './size';
