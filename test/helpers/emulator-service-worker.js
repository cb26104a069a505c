/* global importScripts */
// The service worker the tests serve as /mockServiceWorker.js: Mock Service Worker's own, except
// that the scripts of web workers go straight to the network.
//
// Firefox gives the fetch of a worker's scripts the worker's own client id, and Mock Service
// Worker looks that client up with `clients.get()`, which waits until the worker is running: it
// never is, since its scripts never arrive. The face and analysis workers then hang in Firefox
// whenever the emulator runs. Worker scripts are never API calls, so nothing is lost.
self.addEventListener('fetch', (event) => {
  const { destination } = event.request;
  if (destination === 'worker' || destination === 'sharedworker') event.stopImmediatePropagation();
});

importScripts('/public/mockServiceWorker.js');
