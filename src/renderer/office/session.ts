/**
 * The signed-in office and its token, kept in sessionStorage only: gone when the tab closes,
 * never in localStorage, a cookie or the URL (where it would outlive the tab or leak in logs).
 */
import type { OfficeLanguage } from './office-texts.ts';

export interface OfficeSession {
  office: string;
  token: string;
}

const SESSION_KEY = 'terminmarke.office.session';
const LANGUAGE_KEY = 'terminmarke.office.language';

/** Office ids as the server names them. e.g. 'demo' → true, '../x' → false */
export const OFFICE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The session this tab signed in with, or null. */
export function readSession(storage: Storage = sessionStorage): OfficeSession | null {
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      'office' in value &&
      'token' in value &&
      typeof value.office === 'string' &&
      typeof value.token === 'string' &&
      OFFICE_ID.test(value.office) &&
      value.token !== ''
    ) {
      return { office: value.office, token: value.token };
    }
  } catch {
    // Not ours or damaged: signing in again replaces it.
  }
  storage.removeItem(SESSION_KEY);
  return null;
}

export function writeSession(session: OfficeSession, storage: Storage = sessionStorage): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(SESSION_KEY);
}

export function readLanguage(storage: Storage = sessionStorage): OfficeLanguage {
  return storage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'de';
}

export function writeLanguage(language: OfficeLanguage, storage: Storage = sessionStorage): void {
  storage.setItem(LANGUAGE_KEY, language);
}
