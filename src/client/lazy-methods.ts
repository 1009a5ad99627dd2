/**
 * An object whose async methods `names` load their implementation on first use: each call
 * awaits `load()` (once, shared) and calls the same method of what it resolves to. Code a page
 * may never run (the account methods, on a sign-in page) then stays out of its first script.
 */
export function lazyMethods<T extends object>(names: readonly (keyof T & string)[], load: () => Promise<T>): T {
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of names) {
    methods[name] = async (...args) => {
      const target = await load();
      return (target[name] as (...args: unknown[]) => Promise<unknown>).apply(target, args);
    };
  }
  return methods as T;
}
