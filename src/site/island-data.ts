import { serverIslandData } from '../islands/island-data.ts';
import { jsonForScript } from './json-script.ts';

/**
 * Registers an island's data for the build's render and returns it as safe JSON for the page's
 * `<script type="application/json" id={id} set:html={…} />` (see src/islands/island-data.ts).
 */
export function provideIslandData(id: string, value: unknown): string {
  serverIslandData.set(id, value);
  return jsonForScript(value);
}
