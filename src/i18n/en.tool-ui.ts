import type { toolUi } from './zh-CN.tool-ui.ts';

/** English words of the Part 8 tool islands: the same keys as zh-CN.tool-ui.ts. */
export const toolUiEn = {
  // --- frame (src/islands/tools/ToolFrame.tsx) -------------------------------------------------
  'tool.loading': 'Loading your work in this tool…',
  'tool.kind': 'Workplace tool',
  'tool.leadKind': 'Manager extension · workplace tool (optional)',
  'tool.start': 'Starting point',
  'tool.presetPick': 'Example',
  'tool.presetLoad': 'Load this example',
  'tool.blank': 'Use my own process',
  'tool.showing.preset': 'You are looking at the example “{name}”. Edit it to start, or switch to a blank sheet for your own workplace.',
  'tool.showing.own': 'This is your own work.',
  'tool.confirm.text': 'This replaces what you have entered, and it cannot be undone. To keep it, download the CSV first.',
  'tool.confirm.yes': 'Replace',
  'tool.confirm.no': 'Cancel',
  'tool.loaded.preset': 'Example “{name}” loaded.',
  'tool.loaded.blank': 'Blank sheet ready for your own process.',
  'tool.cut.title': 'Some input went beyond the tool’s limits:',
  'tool.cut.dismiss': 'OK',
  'tool.where': 'Your work is kept in this browser; export it before switching devices.',
  'tool.notSaved': 'Browser storage cannot be written (private mode or full storage): your work exists only on this page and is lost on reload. Download the CSV first.',
  'tool.otherDevice': 'You {state} this tool on another device. The details stay in that browser and cannot be shown here; below is the example, which you can fill in again.',
  'tool.otherDevice.done': 'completed',
  'tool.otherDevice.started': 'started',
  'tool.done': 'Done: this tool counts towards completing the lesson.',
  'tool.notDone': 'Not done yet: {hint}',
  'tool.export': 'Export',
  'tool.csv': 'Download CSV',
  'tool.print': 'Print',
  'tool.exportNote': 'The CSV opens in Excel or WPS; printing outputs only this tool, and the print dialog can save it as a PDF.',
  'tool.printedOn': 'Printed on {date}',
  'tool.rowsFull': 'The limit of {max} rows is reached: no more can be added.',
  'tool.labelMax': 'Each text holds at most {max} characters; anything longer is cut.',
  'tool.add': 'Add a row',
  'tool.remove': 'Remove',
  'tool.moveUp': 'Move up',
  'tool.moveDown': 'Move down',
  'tool.removed': 'Row {n} removed.',
  'tool.added': 'Row {n} added.',
  'tool.moved': 'Moved to row {n}.',
  'tool.rowLabel': 'Row {n}',
  'tool.results': 'Results',
  'tool.empty': 'Nothing here yet: add a row to start.',

  // --- S01 pain-point worksheet (Helper A) -----------------------------------------------------

  // --- S02 journey-map builder (Helper A) ------------------------------------------------------

  // --- S03 SFMEA (Helper A) --------------------------------------------------------------------

  // --- S04 blueprint layer sorter (Helper B) ---------------------------------------------------

  // --- S06 self-check (Helper B) ---------------------------------------------------------------

  // --- S06 impact–effort sorter (Helper B) -----------------------------------------------------

  // --- S06 roadmap planner (Helper B) ----------------------------------------------------------

  // --- end ---------------------------------------------------------------------------------------
} as const satisfies Record<keyof typeof toolUi, string>;
