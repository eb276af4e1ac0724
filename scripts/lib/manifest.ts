/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th Edition, single-SCO packages.
 *
 * XML escaping: the manifest is a fixed template in which only text nodes and attribute values
 * vary (titles, ids, file paths). Escaping the five XML metacharacters (& < > " ') and dropping
 * the characters XML 1.0 forbids is complete for those two positions, so no XML library is
 * needed; every variable goes through `xml` below, nothing else is interpolated. The output is
 * validated against the ADL schemas with xmllint in tests/unit/manifest.test.ts.
 */

export interface ManifestInput {
  /** Package name, e.g. "course" or "part1"; part of the stable identifier. */
  name: string;
  title: string;
  /** Mastery score 0–100 (1.2 masteryscore; 2004 minNormalizedMeasure = score / 100). 1.2: omitted when undefined. */
  masteryScore: number | undefined;
  /**
   * Lesson ids in the package. Not declared as manifest objectives: the course reports one
   * objective per lesson at runtime (cmi.objectives.n), which needs no declaration, while a
   * declared objective without minNormalizedMeasure makes Moodle set cmi.scaled_passing_score
   * to 1.0 (the last objective it reads wins), failing a learner who scored 93 %.
   */
  lessons: string[];
  /** Every content file in the package (relative paths, "/" separators), including index.html. */
  files: string[];
  /** Launch page. */
  launch?: string;
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes a text node or attribute value. */
export function xml(value: string | number): string {
  return String(value)
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Stable identifier: the same package name always gives the same manifest identifier. */
export function manifestIdentifier(name: string, version: '1.2' | '2004'): string {
  return `com.service-pitfalls.${name.replace(/[^A-Za-z0-9_.-]/g, '-')}.scorm${version === '1.2' ? '12' : '2004'}`;
}

function fileList(files: string[], indent: string): string {
  return [...files].sort().map((f) => `${indent}<file href="${xml(f)}"/>`).join('\n');
}

export function manifest12(input: ManifestInput): string {
  const launch = input.launch ?? 'index.html';
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(manifestIdentifier(input.name, '1.2'))}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${xml(input.title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${xml(input.title)}</title>
${input.masteryScore === undefined ? '' : `        <adlcp:masteryscore>${xml(input.masteryScore)}</adlcp:masteryscore>\n`}      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="${xml(launch)}">
${fileList(input.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

export function manifest2004(input: ManifestInput): string {
  const launch = input.launch ?? 'index.html';
  const measure = Math.min(1, Math.max(0, (input.masteryScore ?? 80) / 100));
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(manifestIdentifier(input.name, '2004'))}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${xml(input.title)}</title>
      <item identifier="item" identifierref="sco">
        <title>${xml(input.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xml(`${input.name}-mastery`)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${xml(measure)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="${xml(launch)}">
${fileList(input.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}
