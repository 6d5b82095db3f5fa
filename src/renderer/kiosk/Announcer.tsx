/**
 * The polite live region for status changes (staff called, the maximum reached, no voice):
 * visible too, because a deaf or hurried citizen needs the same confirmation.
 */

/** A status line that screen readers announce when it changes. */
export function Announcer({ message }: { message: string }) {
  return (
    <div className="announcer" role="status" aria-live="polite" data-testid="status">
      {message && <p>{message}</p>}
    </div>
  );
}
