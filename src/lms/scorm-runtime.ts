import { createScormAdapter } from './scorm-adapter.ts';
import { driver12, driver2004, type RawApi12, type RawApi2004 } from './scorm-api.ts';
import { scorm12Profile } from './scorm12.ts';
import { scorm2004Profile } from './scorm2004.ts';
import { patchLmsStatus } from './status.ts';
import type { LmsAdapter } from './types.ts';

/**
 * The SCORM half of the runtime (adapter, data-model mappings, suspend-data codec). Loaded on
 * demand by src/runtime/launch.ts only when an LMS API was found, so the standalone course does not carry
 * it, and in an LMS it loads once per session (the ClientRouter keeps the document alive).
 */
export function createScormRuntime(
  version: '1.2' | '2004',
  api: unknown,
  ids: { courseId: string; packageId: string | undefined },
): LmsAdapter {
  return version === '2004'
    ? createScormAdapter({ driver: driver2004(api as RawApi2004), profile: scorm2004Profile, status: patchLmsStatus, ...ids })
    : createScormAdapter({ driver: driver12(api as RawApi12), profile: scorm12Profile, status: patchLmsStatus, ...ids });
}
