/**
 * The frame of every citizen screen: one heading that takes the focus when the screen
 * appears (so screen readers announce it and keyboard users start at the top), the content,
 * and the actions at the bottom where a hand or a seated person reaches them.
 */
import { type ReactNode, useEffect, useRef } from 'react';

interface ScreenFrameProps {
  title: string;
  lead?: string;
  tone?: 'plain' | 'success' | 'warning';
  children?: ReactNode;
  actions?: ReactNode;
  /** Names the screen for end-to-end tests and styles. */
  name: string;
}

/** A screen with a focused heading, its content and its actions. */
export function ScreenFrame({
  title,
  lead,
  tone = 'plain',
  children,
  actions,
  name,
}: ScreenFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section
      className={`screen screen-${name} tone-${tone}`}
      aria-labelledby="screen-title"
      data-testid={`screen-${name}`}
    >
      <div className="screen-content">
        <div className="screen-head">
          <h1 id="screen-title" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead && <p className="lead">{lead}</p>}
        </div>
        {children}
      </div>
      {actions && <div className="screen-actions">{actions}</div>}
    </section>
  );
}
