/** The API store's public surface, for kubectl, controllers and lab checks. See ../README.md. */
export * from './errors.ts';
export * from './meta.ts';
export * from './patch.ts';
export * from './resources.ts';
export * from './schema.ts';
export * from './selectors.ts';
export * from './store.ts';
export type * from './types.ts';
export { STATEFULSET_FORBIDDEN_UPDATE } from './validation.ts';
