/** A locale bundle imported whole as a module of its own (`locales/en.json?all`, see built-in.ts). */
declare module '*.json?all' {
  const bundle: Record<string, unknown>;
  export default bundle;
}

/** The English built into the script tag (`locales/en.json?built-in`, see built-in.ts). */
declare module '*.json?built-in' {
  const bundle: Record<string, unknown>;
  export default bundle;
}
