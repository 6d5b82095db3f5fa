/**
 * The bundle entry (`/app.js`, built by the host with esbuild): mount the app into `#root`
 * with whichever transport this page has (Electron preload or HTTP).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root.tsx';
import { chooseTransport } from './transport.ts';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root transport={chooseTransport()} />
    </StrictMode>,
  );
}
