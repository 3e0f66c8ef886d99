// renderer/: runs in the sandboxed browser page. Lets TypeScript accept the stylesheet import that
// Vite bundles into a file served from 'self' (the CSP forbids inline styles).
declare module '*.css';
// A file Vite copies into the build and names by URL (pdf.js's worker, served from 'self').
declare module '*?url' {
  const url: string;
  export default url;
}
