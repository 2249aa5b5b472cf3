/**
 * The grader's public surface, for the lab panel, the CLI and lab files. Pure TypeScript: no DOM,
 * no `node:` modules, so it loads in the browser and in Node alike.
 */
export { defineLab } from './define-lab.ts';
export { validateLab } from './validate-lab.ts';
export { labSchema, taskSchema } from './lab-schema.ts';
export type { Check, CheckContext, CheckResult, Lab, LabEnvironment, LabInput, SetupFunction, Task } from './lab-schema.ts';
export type { LabAssets, LabBundle } from './bundle.ts';
export { GradingError, isGradingError } from './errors.ts';
export type { GradingErrorCode } from './errors.ts';
export { parseSubmission, submissionSchema, submissionScript, SUBMISSION_LIMITS, validateSubmission } from './submission.ts';
export type { Submission, SubmissionInput } from './submission.ts';
export { evaluateTasks, runCheck } from './evaluate.ts';
export type { LabResult, LabStatus, TaskResult, TaskStatus } from './results.ts';
export { gradeSubmission, errorResult } from './grade.ts';
export type { GradeOptions, GradeReport } from './grade.ts';
export { prepareWorld, writeFiles } from './prepare.ts';
export type { WorldFactory } from './prepare.ts';
export { DEFAULT_REPLAY_LIMITS, replayText } from './replay.ts';
export type { ReplayLimits } from './replay.ts';
export { verifyLab } from './verify.ts';
export type { VerifyReport } from './verify.ts';
export { createLabRuntime } from './lab-runtime.ts';
export type { LabRuntime, LabRuntimeOptions, LabRuntimeState, TaskView } from './lab-runtime.ts';
export { formatText } from './reporters/text.ts';
export { formatJson, toJsonResults } from './reporters/json.ts';
export type { JsonResults, JsonTestRecord } from './reporters/json.ts';
export { formatJunit } from './reporters/junit.ts';
export { formatClassCsv, formatClassMarkdown } from './reporters/class-summary.ts';
export type { StudentResult } from './reporters/class-summary.ts';
