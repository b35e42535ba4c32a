/**
 * Physical bounds of what a line of strace can show on Linux x86_64. A number beyond them is not
 * something a program did (a corrupted or hand-made line): the parser rejects the line, or caps
 * the value with a warning naming the line, so that no number in a log turns into unbounded work.
 */

/** Linux moves at most this many bytes in one read/write-family call: MAX_RW_COUNT = INT_MAX & PAGE_MASK. */
export const MAX_RW_COUNT = 0x7ffff000;

/** Thread and process ids are 1..PID_MAX_LIMIT (4 Mi on 64-bit kernels, include/linux/threads.h). */
export const PID_MAX_LIMIT = 4_194_304;

/** File descriptors are C ints. */
export const MAX_FD = 0x7fffffff;

/** Timestamps and -T durations above this many seconds (about 3,000 years after 1970) are not real. */
export const MAX_SECONDS = 1e11;
