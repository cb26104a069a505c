import { useState } from 'react';
import 'ekyc-flow'; // defines <ekyc-flow>
import type {} from 'ekyc-flow/jsx'; // types <ekyc-flow> in JSX: attributes and onekyc-… listeners
import { SERVER, useSession } from './session';

/** The tag itself, as React 19 renders custom elements: attributes as given, `on<event>` props as listeners. */
export function App() {
  const session = useSession();
  const [status, setStatus] = useState('ready');
  return (
    <main>
      <h1>Identity check</h1>
      <ekyc-flow
        api-base={SERVER}
        api-kind="server"
        session-id={session.id}
        document-type="idr"
        lang="en"
        assets-base="/ekyc-assets/"
        onekyc-complete={(event) => {
          setStatus(`complete: ${event.detail.ocr.fields['Name']?.value ?? 'no name read'}`);
        }}
        onekyc-error={(event) => {
          setStatus(`error: ${event.detail.code}`);
          if (event.detail.code === 'session-expired') session.renew();
        }}
      />
      <p id="status" role="status">
        {status}
      </p>
      {session.problem && <p id="session-problem">{session.problem}</p>}
    </main>
  );
}
