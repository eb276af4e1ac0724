/**
 * Checks of a package's imsmanifest.xml that the XSDs do not catch (see ../shared/xsd/SOURCES.md:
 * a wrong <schemaversion> and a 1.2-style `adlcp:scormtype` in a 2004 manifest both validate),
 * plus the CAM rules ADL's conformance suite checks itself: unique identifiers, identifierref
 * that resolves, a default organization that exists, every listed file present, every file of
 * the package listed, control documents at the root.
 */

export interface LintInput {
  xml: string;
  version: '1.2' | '2004';
  /** Every path in the zip. */
  entries: string[];
  /** Control documents (XSD/DTD) expected at the package root. */
  controlFiles: string[];
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Start and empty-element tags with their attributes (comments and declarations skipped). */
function tags(xml: string): Tag[] {
  const out: Tag[] = [];
  const source = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of source.matchAll(/<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(a[1] as string, unescape(a[2] ?? a[3] ?? ''));
    out.push({ name: m[1] as string, attrs });
  }
  return out;
}

function text(xml: string, element: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((m) => unescape(m[1] as string).trim());
}

export function lintManifest({ xml, version, entries, controlFiles }: LintInput): string[] {
  const problems: string[] = [];
  const all = tags(xml);
  const entrySet = new Set(entries);

  const schemaversion = text(xml, 'schemaversion');
  const expected = version === '1.2' ? '1.2' : '2004 4th Edition';
  if (schemaversion.length !== 1 || schemaversion[0] !== expected)
    problems.push(`metadata → schemaversion is ${JSON.stringify(schemaversion)}, expected "${expected}"`);

  const right = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const wrong = version === '1.2' ? 'adlcp:scormType' : 'adlcp:scormtype';
  for (const t of all) {
    if (t.attrs.has(wrong)) problems.push(`resource ${t.attrs.get('identifier') ?? '?'} → uses ${wrong}; SCORM ${version} spells it ${right}`);
    const type = t.attrs.get(right);
    if (type !== undefined && type !== 'sco' && type !== 'asset') problems.push(`resource ${t.attrs.get('identifier') ?? '?'} → ${right}="${type}" must be sco or asset`);
  }

  const identified = all.filter((t) => t.attrs.has('identifier'));
  const seen = new Map<string, string>();
  for (const t of identified) {
    const id = t.attrs.get('identifier') as string;
    if (seen.has(id)) problems.push(`${t.name} → duplicate identifier "${id}" (also on ${seen.get(id)})`);
    else seen.set(id, t.name);
  }

  const resources = new Map(all.filter((t) => t.name === 'resource').map((t) => [t.attrs.get('identifier') ?? '', t]));
  for (const t of all.filter((t) => t.name === 'item' || t.name === 'dependency')) {
    const ref = t.attrs.get('identifierref');
    if (ref === undefined) continue;
    const target = resources.get(ref);
    if (!target) problems.push(`${t.name} ${t.attrs.get('identifier') ?? ''} → identifierref "${ref}" points to no resource`);
    else if (t.name === 'item' && !target.attrs.has(right)) problems.push(`item ${t.attrs.get('identifier')} → resource "${ref}" has no ${right}`);
  }

  const organizations = all.find((t) => t.name === 'organizations');
  const orgIds = new Set(all.filter((t) => t.name === 'organization').map((t) => t.attrs.get('identifier')));
  const def = organizations?.attrs.get('default');
  if (!def || !orgIds.has(def)) problems.push(`organizations → default "${def ?? ''}" names no organization`);

  const listed = new Set<string>();
  for (const t of all) {
    if (t.name === 'file') {
      const href = t.attrs.get('href') ?? '';
      listed.add(href);
      if (!entrySet.has(href)) problems.push(`file → "${href}" is listed but not in the package`);
    }
    if (t.name === 'resource' && t.attrs.has('href') && !entrySet.has(t.attrs.get('href') as string))
      problems.push(`resource ${t.attrs.get('identifier')} → href "${t.attrs.get('href')}" is not in the package`);
  }
  const control = new Set(['imsmanifest.xml', ...controlFiles]);
  for (const entry of entries) {
    if (!control.has(entry) && !listed.has(entry)) problems.push(`file → "${entry}" is in the package but not listed in the manifest`);
  }
  for (const file of controlFiles) if (!entrySet.has(file)) problems.push(`control document "${file}" is missing from the package root`);
  if (!entrySet.has('imsmanifest.xml')) problems.push('imsmanifest.xml is missing from the package root');
  return problems;
}
