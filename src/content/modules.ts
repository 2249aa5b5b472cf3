/**
 * The four modules of the course, in teaching order. The `id` is the lesson frontmatter's
 * `module` value and the folder under `content/` that holds the module's lessons; the sidebar
 * and the landing page list modules in this order.
 */
export const MODULES = [
  {
    id: 'pets-and-cattle',
    title: 'Pets and cattle',
    summary:
      'Why servers you name and nurse differ from interchangeable herds, and what Pods, ReplicaSets and Deployments promise.',
  },
  {
    id: 'linux-namespaces',
    title: 'Linux namespaces',
    summary:
      'Containers are processes: PID, UTS, mount and network namespaces, veth pairs and bridges built by hand.',
  },
  {
    id: 'docker-networking',
    title: 'Docker networking',
    summary:
      'The default bridge, user-defined bridges with embedded DNS, host and none networks, published ports.',
  },
  {
    id: 'petsets',
    title: 'PetSets to StatefulSets',
    summary:
      'Pets inside Kubernetes: stable names, stable storage, ordered roll-outs and a replicated database.',
  },
] as const;

/** One module of the course. */
export type CourseModule = (typeof MODULES)[number];

/** A module id, e.g. `'petsets'`. */
export type ModuleId = CourseModule['id'];

/** The module ids in teaching order, typed as a non-empty tuple so `z.enum` accepts them. */
export const MODULE_IDS = MODULES.map((m) => m.id) as unknown as readonly [ModuleId, ...ModuleId[]];

/** True when `value` is one of the four module ids. */
export function isModuleId(value: unknown): value is ModuleId {
  return typeof value === 'string' && (MODULE_IDS as readonly string[]).includes(value);
}
