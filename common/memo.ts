/**
 * A function of an immutable object (a parse's model, a view), computed once per object: the
 * result is kept as long as the object lives.
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>();
  return (key) => {
    if (results.has(key)) return results.get(key)!;
    const value = compute(key);
    results.set(key, value);
    return value;
  };
}
