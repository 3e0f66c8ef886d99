// Development tooling, never shipped. The script the preview injects into the renderer page in place
// of the Electron preload: the same window.safehold surface ({ invoke, onEvent }), carried over
// same-origin fetch and server-sent events. The session cookie is HttpOnly; this script never sees it.
export const bridgeScript = `'use strict';
(() => {
  const listeners = new Set();
  let events = null;
  const connect = () => {
    if (events) return;
    events = new EventSource('/__preview/events');
    events.onmessage = (message) => {
      let event;
      try { event = JSON.parse(message.data); } catch { return; }
      for (const listener of listeners) listener(event);
    };
  };
  const bridge = Object.freeze({
    invoke(method, input) {
      return fetch('/__preview/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ method, input: input === undefined ? null : input }),
      }).then((response) => response.json());
    },
    onEvent(listener) {
      connect();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  Object.defineProperty(window, 'safehold', { value: bridge, writable: false, configurable: false });
})();
`;
