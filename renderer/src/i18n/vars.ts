// renderer/: the values a message's {placeholders} are filled with. Its own file, so plain-TypeScript
// modules (serverText, reportText) and the tests that check them need no JSX.
export type Vars = Readonly<Record<string, string | number>>;
