/** Loads a copied documentation payload from test/data (served by the test runner). */
export async function loadFixture(name: string): Promise<unknown> {
  const response = await fetch(new URL(`../data/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${name}: ${response.status}`);
  return response.json() as Promise<unknown>;
}
