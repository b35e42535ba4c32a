/** strace log parsing: streaming parser, byte entry points, summary. */
export { createStraceParser, MAX_LINE_LENGTH, MAX_SKIPPED_LISTED } from './parser';
export type { SkippedLine, StraceFile, StraceParser, StraceParserOptions, StraceResult } from './parser';
export { parseStraceBytes, parseStraceFiles, parseStraceStream, parseStraceText } from './bytes';
export type { StraceFileInput } from './bytes';
export { orderFfFiles, pidFromFileName } from './ffFiles';
export { framesOf } from './frames';
export type { StackFrames } from './frames';
export { MAX_RW_COUNT, PID_MAX_LIMIT } from './limits';
export { summarizeStrace } from './summary';
export type { StraceSummary } from './summary';
export { CALL_COMPLETE, CALL_DETACHED, CALL_ORPHAN_RESUMED, CALL_UNFINISHED } from './columns';
export type { CallColumns } from './columns';
export type { StraceThread } from './threads';
export type { TimestampFormat } from './timestamps';
