import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WrapperApp } from './WrapperApp';

const root = document.getElementById('root');
if (!root) throw new Error('wrapper.html has no #root');
createRoot(root).render(
  <StrictMode>
    <WrapperApp />
  </StrictMode>,
);
