/**
 * What the API server decides about a request before it writes: the kind an object names
 * (NoKindMatch), strict decoding (BadRequest for unknown fields) and a pod's graceful-deletion
 * period. Errors are ApiErrors with the server's texts.
 */
import { badRequest, noKindMatch } from './errors.ts';
import { resourceFor, resourceForKind, type ResourceInfo } from './resources.ts';
import { unknownFields } from './schema.ts';
import type { KubeObject } from './types.ts';

/** The resource an object's apiVersion and kind name. BadRequest without a kind; NoKindMatch for an unknown one. */
export function kindOf(obj: KubeObject): ResourceInfo {
  if (!obj || typeof obj !== 'object') throw badRequest('Object \'Kind\' is missing in \'null\'');
  if (!obj.kind) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
  const info = resourceFor(obj.apiVersion, obj.kind) ?? (obj.apiVersion ? undefined : resourceForKind(obj.kind));
  if (!info) throw noKindMatch(obj.apiVersion, obj.kind);
  return info;
}

/** fieldValidation=Strict: BadRequest naming every unknown field (`strict decoding error: unknown field "spec.foo"`). */
export function checkStrict(info: ResourceInfo, obj: KubeObject): void {
  const unknown = unknownFields(info.kind, obj);
  if (unknown.length) {
    throw badRequest(
      `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
  }
}

/** Seconds before a deleted object goes: pods bound to a node get their grace period, everything else 0. */
export function gracePeriod(info: ResourceInfo, obj: KubeObject, requested: number | undefined): number {
  if (info.kind !== 'Pod') return 0;
  const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  // Unscheduled or finished pods go at once (pkg/registry/core/pod/strategy.go CheckGracefulDelete).
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  const g = requested ?? spec.terminationGracePeriodSeconds ?? 30;
  // The API server turns a requested 0 without --force into 1 second; kubectl sends 1 for --now.
  return Math.max(0, g);
}

/** Whether a terminating object still waits for its grace period (a pod the kubelet stops). */
export function waitsForGrace(obj: KubeObject): boolean {
  return obj.kind === 'Pod' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}
