/**
 * Who may call the server: every device token carries one or more roles in one office.
 * `kiosk` draws tickets, `checkin` is the staff window, `counter` the clerk's desk, `display`
 * the wall call display and `admin` the city's own tools (the online portal, token issuing).
 */
export const ROLES = ['kiosk', 'checkin', 'counter', 'display', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True for a role this protocol knows. e.g. 'kiosk' → true, 'root' → false */
export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}
