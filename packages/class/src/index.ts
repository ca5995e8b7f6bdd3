/** The class board: the learner's side (what the workshop CLI calls after a verdict) and the board itself. */
export { shareProgress, joinClass, leaveClass, SEND_TIMEOUT_MS, type ShareOutcome } from './client.ts';
export { readMembership, MEMBERSHIP_PATH, LAST_SENT_PATH, type Membership } from './membership.ts';
export { LIMITS, parseProgress, parseJoin, SchemaError, type LessonProgress, type ProgressPayload, type Step, type StepState } from './schema.ts';
export { BoardService, DEFAULT_RATE, type BoardOptions } from './board-service.ts';
export { serveBoard, type RunningBoard, type ServeBoardOptions } from './server.ts';
export { runClass, type ClassContext } from './cli.ts';
