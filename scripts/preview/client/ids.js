// @ts-check
/**
 * The one rule for the ids the local LMS preview accepts (server, launcher and player share it).
 * A learner id becomes a folder name and a package id a file name in .preview-data/, so only
 * plain names pass: ASCII letters, digits, `_ - . @`, at most 64 characters, never starting with
 * a dot (so `.`, `..` and hidden names are refused).
 */
export const LEARNER_ID_SOURCE = '(?!\\.)[\\w.@\\-]{1,64}';
export const LEARNER_ID = new RegExp(`^(?:${LEARNER_ID_SOURCE})$`);
/** A package is named by its zip in dist/packages/ (e.g. `course-scorm2004.zip`). */
export const PACKAGE_FILE = /^[A-Za-z0-9_-]{1,64}\.zip$/;
