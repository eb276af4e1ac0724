/**
 * The two SCORM runtime APIs as the LMS exposes them, and one driver shape over both so the
 * adapter logic is written once. All values cross the API as strings; "true"/"false" are
 * strings too (some LMSs return booleans, so both are accepted).
 */

type Call0 = (param: '') => string | boolean;
export interface RawApi12 {
  LMSInitialize: Call0;
  LMSFinish: Call0;
  LMSCommit: Call0;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}
export interface RawApi2004 {
  Initialize: Call0;
  Terminate: Call0;
  Commit: Call0;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export interface ScormError {
  code: number;
  message: string;
  diagnostic: string;
}

export interface ScormDriver {
  readonly version: '1.2' | '2004';
  initialize(): boolean;
  terminate(): boolean;
  commit(): boolean;
  /** Value and the error that came with it (GetValue returns "" on error, so both are needed). */
  get(element: string): { value: string; error: number };
  set(element: string, value: string): boolean;
  lastError(): ScormError;
}

const isTrue = (v: unknown) => v === true || v === 'true';

function guard<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch (error) {
    // An LMS API that throws is treated like one that returned "false".
    console.warn('[lms] API call threw', error);
    return fallback;
  }
}

export function driver12(api: RawApi12): ScormDriver {
  const lastError = (): ScormError =>
    guard(() => {
      const code = String(api.LMSGetLastError());
      return { code: Number(code) || 0, message: String(api.LMSGetErrorString(code) ?? ''), diagnostic: String(api.LMSGetDiagnostic(code) ?? '') };
    }, { code: 101, message: 'API threw', diagnostic: '' });
  return {
    version: '1.2',
    initialize: () => guard(() => isTrue(api.LMSInitialize('')), false),
    terminate: () => guard(() => isTrue(api.LMSFinish('')), false),
    commit: () => guard(() => isTrue(api.LMSCommit('')), false),
    get: (element) =>
      guard(() => {
        const value = api.LMSGetValue(element);
        return { value: value === null || value === undefined ? '' : String(value), error: Number(api.LMSGetLastError()) || 0 };
      }, { value: '', error: 101 }),
    set: (element, value) => guard(() => isTrue(api.LMSSetValue(element, value)), false),
    lastError,
  };
}

export function driver2004(api: RawApi2004): ScormDriver {
  const lastError = (): ScormError =>
    guard(() => {
      const code = String(api.GetLastError());
      return { code: Number(code) || 0, message: String(api.GetErrorString(code) ?? ''), diagnostic: String(api.GetDiagnostic(code) ?? '') };
    }, { code: 101, message: 'API threw', diagnostic: '' });
  return {
    version: '2004',
    initialize: () => guard(() => isTrue(api.Initialize('')), false),
    terminate: () => guard(() => isTrue(api.Terminate('')), false),
    commit: () => guard(() => isTrue(api.Commit('')), false),
    get: (element) =>
      guard(() => {
        const value = api.GetValue(element);
        return { value: value === null || value === undefined ? '' : String(value), error: Number(api.GetLastError()) || 0 };
      }, { value: '', error: 101 }),
    set: (element, value) => guard(() => isTrue(api.SetValue(element, value)), false),
    lastError,
  };
}
