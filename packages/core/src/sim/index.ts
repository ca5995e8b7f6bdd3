export { Rng } from './rng.ts';
export { EventQueue } from './event-queue.ts';
export { Kernel, type EventHandler } from './kernel.ts';
export type { Actor, Invariant, Model, Outcome, StepContext, TraceStep, Violation } from './model.ts';
export type { SchedulerSpec } from './schedulers.ts';
export { runModel, type RunOptions, type RunResult } from './run.ts';
export { EPOCH_LABEL, SECOND, MINUTE, HOUR, DAY, pdt, formatClock, formatHourMinute, formatDuration } from './clock.ts';
export { formatTimeline, traceHash, type TimelineOptions } from './timeline.ts';
