/** Read-only all the way down: the type of what deepFreeze returns. */
export type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** Freezes plain data (objects and arrays, as JSON has them) in place, all the way down. */
export function deepFreeze<T>(v: T): DeepReadonly<T> {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v as DeepReadonly<T>;
}
