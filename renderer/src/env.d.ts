// renderer/: runs in the sandboxed browser page. Lets TypeScript accept the stylesheet import that
// Vite bundles into a file served from 'self' (the CSP forbids inline styles).
declare module '*.css';
