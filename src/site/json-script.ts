/**
 * The one way to put data into a page as JSON (`<script type="application/json">` read by the
 * browser code). JSON.stringify alone is not safe there: a title holding `</script>` ends the
 * block and whatever follows runs as HTML, and `<!--` can make the parser swallow the real end
 * tag. Escaping `<`, `>` and `&` as \u003c, \u003e and \u0026 leaves nothing the HTML parser
 * reacts to, and U+2028/U+2029 are escaped too so the text is also a valid JavaScript literal.
 * JSON.parse turns every escape back into the same character.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('jsonForScript: value has no JSON form');
  return json.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
