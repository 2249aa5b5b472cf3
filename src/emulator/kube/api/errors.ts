/**
 * API errors as the API server returns them: a typed class carrying the `Status` fields (code,
 * reason, message, details). Messages are built exactly like k8s.io/apimachinery
 * `pkg/api/errors/errors.go` and `pkg/util/validation/field/errors.go`, so kubectl can print
 * `Error from server (NotFound): pods "web-0" not found` from `reason` and `message`.
 */
import { qualifiedKind, qualifiedResource, type ResourceInfo } from './resources.ts';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NoKindMatch'
  | 'Gone'
  | 'Timeout';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

/** An error with the real API `Status`: `code` (HTTP), `reason` and the server's message. */
export class ApiError extends Error {
  readonly code: number;
  readonly reason: StatusReason;
  readonly details: StatusDetails;
  constructor(code: number, reason: StatusReason, message: string, details: StatusDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  /** The `metav1.Status` object, as `kubectl ... -v` or a raw API call would show. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      details: this.details,
      code: this.code,
    };
  }
}

/** True when `e` is an ApiError with `reason`. */
export function isReason(e: unknown, reason: StatusReason): e is ApiError {
  return e instanceof ApiError && e.reason === reason;
}

function kindOf(info: ResourceInfo) {
  return { group: info.group || undefined, kind: info.plural };
}

/** `pods "web-0" not found` */
export function notFound(info: ResourceInfo, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedResource(info)} "${name}" not found`, { name, ...kindOf(info) });
}

/** `statefulsets.apps "web" already exists` */
export function alreadyExists(info: ResourceInfo, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedResource(info)} "${name}" already exists`, { name, ...kindOf(info) });
}

/** `Operation cannot be fulfilled on pods "web-0": the object has been modified; …` */
export function conflict(info: ResourceInfo, name: string, detail?: string): ApiError {
  const why = detail ?? 'the object has been modified; please apply your changes to the latest version and try again';
  return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(info)} "${name}": ${why}`, {
    name,
    ...kindOf(info),
  });
}

/** `pods "x" is forbidden: <why>` */
export function forbidden(info: ResourceInfo, name: string, why: string): ApiError {
  return new ApiError(403, 'Forbidden', `${qualifiedResource(info)} "${name}" is forbidden: ${why}`, { name, ...kindOf(info) });
}

/** A 400 with a free message, e.g. strict decoding errors. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/**
 * What `kubectl apply` says for a kind the server does not serve, e.g. the legacy PetSet:
 * `no matches for kind "PetSet" in version "apps/v1alpha1"`. kubectl 1.34 wraps it as
 * `error: resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches
 * for kind "PetSet" in version "apps/v1alpha1"\nensure CRDs are installed first`.
 */
export function noKindMatch(apiVersion: string, kind: string): ApiError {
  return new ApiError(404, 'NoKindMatch', `no matches for kind "${kind}" in version "${apiVersion}"`, { kind });
}

// ---- field errors (k8s.io/apimachinery/pkg/util/validation/field) ----

export type FieldErrorType = 'Required value' | 'Invalid value' | 'Forbidden' | 'Unsupported value' | 'Duplicate value' | 'Not found' | 'Too long';

const CAUSE: Record<FieldErrorType, string> = {
  'Required value': 'FieldValueRequired',
  'Invalid value': 'FieldValueInvalid',
  Forbidden: 'FieldValueForbidden',
  'Unsupported value': 'FieldValueNotSupported',
  'Duplicate value': 'FieldValueDuplicate',
  'Not found': 'FieldValueNotFound',
  'Too long': 'FieldValueTooLong',
};

/** One field error; `toString()` gives `spec.selector: Required value`. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** Omitted for Required/Forbidden/Too long; formatted like Go's `%q`/`%v`/`%#v`. */
  value?: unknown;
  detail?: string;
}

/** Formats a bad value the way field.Error does (strings quoted, maps as Go `%#v`). */
export function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.every(([, v]) => typeof v === 'string')) {
      return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
    }
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** `field: Type[: value][: detail]` exactly like `(*field.Error).Error()`. */
export function fieldErrorText(e: FieldError): string {
  let body: string = e.type;
  if (e.type !== 'Required value' && e.type !== 'Forbidden' && e.type !== 'Too long') body += `: ${formatBadValue(e.value)}`;
  if (e.detail) body += `: ${e.detail}`;
  return `${e.field}: ${body}`;
}

/**
 * `StatefulSet.apps "web" is invalid: spec.selector: Required value`; several errors are joined
 * as `[a, b]` like utilerrors.Aggregate; duplicates are dropped like ErrorList.ToAggregate.
 */
export function invalid(info: ResourceInfo, name: string, errors: FieldError[]): ApiError {
  const texts = [...new Set(errors.map(fieldErrorText))];
  const agg = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${qualifiedKind(info)} "${name}" is invalid: ${agg}`, {
    name,
    group: info.group || undefined,
    kind: info.kind,
    causes: errors.map((e) => ({ reason: CAUSE[e.type], message: fieldErrorText(e).slice(e.field.length + 2), field: e.field })),
  });
}
