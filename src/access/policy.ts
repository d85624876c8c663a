/**
 * Who may do what, decided in one place. Routes declare the action they need;
 * services ask `can` (or `authorize`, which throws) before they act on a
 * record; repositories filter by the actor's compartments. The table below is
 * the whole policy: a test walks every route with every role against it.
 */

export const ROLES = ['administrator', 'editor', 'press-officer', 'researcher', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Everything a signed-in person or an API token can be allowed to do. */
export const ACTIONS = [
  'account.manage',
  'users.manage',
  'audit.read',
  'sources.read',
  'sources.write',
  'sources.reveal',
  // Reports, events, people and cases; `records.reveal` opens their sealed values (a report's full text, a person's name).
  'records.read',
  'records.write',
  'records.reveal',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Roles that must sign in with a second factor. */
export const TWO_FACTOR_ROLES: ReadonlySet<Role> = new Set(['administrator', 'editor', 'press-officer']);

const GRANTS: Record<Role, ReadonlySet<Action>> = {
  administrator: new Set(['account.manage', 'users.manage', 'audit.read', 'sources.read', 'records.read']),
  editor: new Set(['account.manage', 'sources.read', 'records.read']),
  'press-officer': new Set(['account.manage', 'sources.read', 'records.read']),
  // Only researchers record and may open what is sealed; everyone else sees pseudonyms and summaries.
  researcher: new Set(['account.manage', 'sources.read', 'sources.write', 'sources.reveal', 'records.read', 'records.write', 'records.reveal']),
  viewer: new Set(['account.manage', 'sources.read', 'records.read']),
};

/** A signed-in person (through a session) or an integrator (through an API token). */
export interface Actor {
  userId: number;
  email: string;
  role: Role;
  compartments: ReadonlySet<number>;
  /** For an API token: the actions it was given, a subset of its user's. */
  scopes?: ReadonlySet<Action>;
  via: 'session' | 'token';
  ip?: string | null;
}

/** A record that lives in a compartment. */
export interface CompartmentedResource {
  compartmentId: number;
}

/** True when `role` grants `action`. */
export function roleGrants(role: Role, action: Action): boolean {
  return GRANTS[role].has(action);
}

/** The actions a role grants, for token scopes and the admin pages. */
export function actionsOf(role: Role): Action[] {
  return ACTIONS.filter((action) => GRANTS[role].has(action));
}

/**
 * The one decision: may `actor` do `action` (to `resource`, when one is given)?
 * No actor (the public) may do none of these; a compartmented record needs membership.
 */
export function can(actor: Actor | null, action: Action, resource?: CompartmentedResource): boolean {
  if (!actor) return false;
  if (!roleGrants(actor.role, action)) return false;
  if (actor.scopes && !actor.scopes.has(action)) return false;
  if (resource && !actor.compartments.has(resource.compartmentId)) return false;
  return true;
}

/** Thrown when a record may not be seen or touched; answered exactly as "not found". */
export class NotFoundError extends Error {
  constructor(readonly what = 'record') {
    super(`no such ${what}`);
  }
}

/** Throws NotFoundError unless `can` allows: a record one may not see does not exist for them. */
export function authorize(actor: Actor | null, action: Action, resource?: CompartmentedResource, what?: string): asserts actor is Actor {
  if (!can(actor, action, resource)) throw new NotFoundError(what);
}

/** Parses a role name as people type it ("press officer", "Press-Officer"). */
export function parseRole(text: string): Role | null {
  const normal = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (ROLES as readonly string[]).includes(normal) ? (normal as Role) : null;
}
