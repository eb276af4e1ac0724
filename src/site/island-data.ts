import { serverIslandData } from '../islands/island-data.ts';

/**
 * Registers an island's data for the build's render and returns it, for the page's
 * `<script type="application/json" id={id} set:html={jsonForScript(value)} />` (the one way JSON
 * enters a page: src/site/json-script.ts; see src/islands/island-data.ts).
 */
export function provideIslandData<T>(id: string, value: T): T {
  serverIslandData.set(id, value);
  return value;
}
