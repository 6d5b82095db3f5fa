/** The office page's bundle entry (`/office/office.js`): mount the app into `#root`. */
// First, before any schema is built: zod must not probe for eval under the page's CSP.
import './zod-without-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OfficeApp } from './OfficeApp.tsx';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <OfficeApp />
    </StrictMode>,
  );
}
