/** strace log parsing: streaming parser, byte entry points, summary. */
export { createStraceParser, MAX_LINE_LENGTH, MAX_SKIPPED_LISTED } from './parser';
export type { SkippedLine, StraceParser, StraceParserOptions, StraceResult } from './parser';
export { parseStraceBytes, parseStraceStream, parseStraceText } from './bytes';
export { summarizeStrace } from './summary';
export type { StraceSummary } from './summary';
export { CALL_COMPLETE, CALL_DETACHED, CALL_ORPHAN_RESUMED, CALL_UNFINISHED } from './columns';
export type { CallColumns } from './columns';
export type { StraceThread } from './threads';
export type { TimestampFormat } from './timestamps';
