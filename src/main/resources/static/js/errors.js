// Loaded first, as a classic script: collects every uncaught error, rejected promise and console.error, so
// the page's own status and the browser tests can tell a clean run from a broken one.
(function () {
  const errors = [];
  window.__skysentinelErrors = errors;
  window.addEventListener('error', (e) => errors.push(String(e.message || e.type) + (e.filename ? ' @ ' + e.filename + ':' + e.lineno : '')), true);
  window.addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + String(e.reason && (e.reason.stack || e.reason))));
  const original = console.error.bind(console);
  console.error = function (...args) { errors.push(args.map(String).join(' ')); original(...args); };
})();
