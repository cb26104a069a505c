import { useRef, useState } from 'react';
import type { EkycFlow } from 'ekyc-flow';
import { EkycFlowReact } from 'ekyc-flow/react'; // defines <ekyc-flow> too
import { SERVER, useSession } from './session';

/** The same page with `EkycFlowReact`: camelCase props, typed `onEkyc…` handlers; works in React 18 and 19. */
export function WrapperApp() {
  const session = useSession();
  const [status, setStatus] = useState('ready');
  const flow = useRef<EkycFlow>(null);
  return (
    <main>
      <h1>Identity check</h1>
      <EkycFlowReact
        ref={flow}
        apiBase={SERVER}
        apiKind="server"
        sessionId={session.id}
        documentType="idr"
        lang="en"
        assetsBase="/ekyc-assets/"
        strings={{ 'intro.start': 'Start the check' }}
        onEkycComplete={(event) => {
          setStatus(`complete: ${event.detail.ocr.fields['Name']?.value ?? 'no name read'}`);
        }}
        onEkycError={(event) => {
          setStatus(`error: ${event.detail.code}`);
          if (event.detail.code === 'session-expired') session.renew();
        }}
      />
      <p id="status" role="status">
        {status}
      </p>
      <button type="button" onClick={() => flow.current?.reset()}>
        Start over
      </button>
      {session.problem && <p id="session-problem">{session.problem}</p>}
    </main>
  );
}
