/** A locale bundle imported whole as a module of its own (`locales/en.json?all`, see built-in.ts). */
declare module '*.json?all' {
  const bundle: Record<string, unknown>;
  export default bundle;
}
