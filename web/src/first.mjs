// The options of the page's first validation, which boot.mjs sends before the page's controls
// exist: what the controls say when the page opens (format auto-detect, no backend, operations for
// the diagram). main.mjs uses that answer only while the controls still say so.
export const FIRST_OPTIONS = Object.freeze({ format: 'auto', operations: true });
