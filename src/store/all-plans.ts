/** Every plan of the store's stream, for the commands that look at them all at once (compare, report). */
export async function allPlans<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}
