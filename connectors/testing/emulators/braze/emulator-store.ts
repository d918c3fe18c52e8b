/**
 * The Braze emulator's user profiles, resolved the way Braze documents for /users/track: external_id first,
 * then braze_id, then email (the most recently updated profile with that email, preferring one with an
 * external_id), then phone; unknown users are created unless `_update_existing_only` is true.
 */
export interface BrazeUser {
  braze_id: string;
  /** Every attribute set on the profile, identifiers included (external_id, email …); null removes one. */
  attributes: Record<string, unknown>;
  events: { name: string; time: string; app_id?: string; properties?: Record<string, unknown> }[];
  updatedAt: number;
}

const CONTROL_KEYS = new Set(['_update_existing_only', 'push_token_import', 'user_alias', 'braze_id']);

export class BrazeUserStore {
  private readonly users: BrazeUser[] = [];
  private clock = 0;

  all(): BrazeUser[] {
    return this.users.map((u) => structuredClone(u));
  }

  private find(object: Record<string, unknown>): BrazeUser | undefined {
    if (typeof object.external_id === 'string')
      return this.users.find((u) => u.attributes.external_id === object.external_id);
    if (typeof object.braze_id === 'string') return this.users.find((u) => u.braze_id === object.braze_id);
    for (const field of ['email', 'phone']) {
      if (typeof object[field] !== 'string') continue;
      const matches = this.users
        .filter((u) => u.attributes[field] === object[field])
        .sort(
          (a, b) =>
            Number(b.attributes.external_id !== undefined) - Number(a.attributes.external_id !== undefined) ||
            b.updatedAt - a.updatedAt,
        );
      return matches[0];
    }
    return undefined;
  }

  /** The profile an object updates; undefined when it names nobody and may not create anyone. */
  private resolve(object: Record<string, unknown>): BrazeUser | undefined {
    const found = this.find(object);
    if (found) return found;
    // A user_alias alone updates existing users only, unless told otherwise (Braze's default).
    const updateOnly = object._update_existing_only ?? object.user_alias !== undefined;
    if (updateOnly === true) return undefined;
    const user: BrazeUser = {
      braze_id: `emu${(this.users.length + 1).toString(16).padStart(8, '0')}`,
      attributes: {},
      events: [],
      updatedAt: 0,
    };
    this.users.push(user);
    return user;
  }

  setAttributes(object: Record<string, unknown>): void {
    const user = this.resolve(object);
    if (!user) return;
    for (const [name, value] of Object.entries(object)) {
      if (CONTROL_KEYS.has(name)) continue;
      if (value === null) delete user.attributes[name];
      else user.attributes[name] = structuredClone(value);
    }
    user.updatedAt = ++this.clock;
  }

  addEvent(object: Record<string, unknown>): void {
    const user = this.resolve(object);
    if (!user) return;
    for (const id of ['external_id', 'email', 'phone'])
      if (typeof object[id] === 'string' && user.attributes[id] === undefined)
        user.attributes[id] = object[id];
    user.events.push({
      name: object.name as string,
      time: object.time as string,
      ...(typeof object.app_id === 'string' ? { app_id: object.app_id } : {}),
      ...(object.properties
        ? { properties: structuredClone(object.properties as Record<string, unknown>) }
        : {}),
    });
    user.updatedAt = ++this.clock;
  }
}
