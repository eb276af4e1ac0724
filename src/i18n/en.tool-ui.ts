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
  'tool.rowAction': '{action}: {row}',

  // --- S01 pain-point worksheet (Helper A) -----------------------------------------------------
  'tool.pain.title': 'Pain-point worksheet',
  'tool.pain.intro': 'List each step of the service in the order the customer goes through it, enter its minutes, tick whether it is waiting, repetition or unnecessary, and rate its severity (1–5). The problem map ranks the steps by problem score.',
  'tool.pain.step': 'Step {n}',
  'tool.pain.label': 'What happens',
  'tool.pain.minutes': 'Minutes',
  'tool.pain.flags': 'This step is',
  'tool.pain.severity': 'Severity',
  'tool.pain.add': 'Add a step',
  'tool.pain.stepsTitle': 'Process steps',
  'tool.pain.mapTitle': 'Problem map',
  'tool.pain.mapCaption': 'Problem map, highest problem score first (“problem”: a step with a flag or severity 4–5)',
  'tool.pain.totals': '{steps} steps, {minutes} minutes in all; flagged steps take {flagged} minutes; {problems} problem steps.',
  'tool.pain.top': 'First is step {n}, “{label}”, problem score {score}.',
  'tool.pain.problem': 'Problem',
  'tool.pain.none': '—',
  'tool.pain.untitled': '(not filled in)',
  'tool.pain.doneHint': 'record at least 3 steps.',

  // --- S02 journey-map builder (Helper A) ------------------------------------------------------
  'tool.journey.title': 'Customer journey map',
  'tool.journey.intro': 'First say whose journey this is and in what situation, then list the touchpoints the customer meets in each of the five stages and pick an emotion for each (−2 very unhappy … +2 very happy). The emotion curve shows each stage’s average: the lowest points are where to improve first.',
  'tool.journey.persona': 'Persona and situation',
  'tool.journey.rowName': '{stage}, touchpoint {n}',
  'tool.journey.label': 'Touchpoint',
  'tool.journey.emotion': 'Emotion',
  'tool.journey.add': 'Add a touchpoint to “{stage}”',
  'tool.journey.stageFull': 'At most {max} touchpoints per stage and {total} in the whole map.',
  'tool.journey.count': '{count} touchpoints',
  'tool.journey.curveTitle': 'Emotion curve',
  'tool.journey.curveDesc': 'Across: the five stages; up: emotion from −2 to +2. The line joins each stage’s average emotion; the dots are the touchpoints. The table below holds the same data.',
  'tool.journey.tableCaption': 'Touchpoints, average emotion and lowest touchpoints by stage',
  'tool.journey.lowest': 'Lowest touchpoints: {list} ({emotion}).',
  'tool.journey.lowestStage': 'Stage with the lowest average: {list} (average {mean}).',
  'tool.journey.noData': 'No touchpoints yet: add one to any stage to start.',
  'tool.journey.none': '—',
  'tool.journey.untitled': '(not filled in)',
  'tool.journey.listJoin': ', ',
  'tool.journey.col.count': 'Touchpoints',
  'tool.journey.doneHint': 'give every one of the five stages at least one touchpoint.',

  // --- S03 SFMEA (Helper A) --------------------------------------------------------------------

  // --- S04 blueprint layer sorter (Helper B) ---------------------------------------------------

  // --- S06 self-check (Helper B) ---------------------------------------------------------------

  // --- S06 impact–effort sorter (Helper B) -----------------------------------------------------

  // --- S06 roadmap planner (Helper B) ----------------------------------------------------------

  // --- end ---------------------------------------------------------------------------------------
} as const satisfies Record<keyof typeof toolUi, string>;
