import { activeLookup } from './active.ts';

/**
 * Interface words of the Part 8 tool islands (src/islands/tools/): the frame every tool shares
 * and each tool's controls. Keys are prefixed `tool.` (the engine's words — scale descriptors,
 * column headings, preset lines — are `tools.` keys in zh-CN.tools.ts). English twin:
 * en.tool-ui.ts. One section per tool so that the helpers adding words do not edit the same lines.
 */
export const toolUi = {
  // --- frame (src/islands/tools/ToolFrame.tsx) -------------------------------------------------
  'tool.loading': '正在读取你在这个工具里的内容…',
  'tool.kind': '工作工具',
  'tool.leadKind': '管理者延伸 · 工作工具（选做）',
  'tool.start': '起点',
  'tool.presetPick': '示例',
  'tool.presetLoad': '载入这个示例',
  'tool.blank': '用我自己的流程',
  'tool.showing.preset': '现在显示的是示例“{name}”。直接修改即可开始，也可以换成空白表填写你自己单位的流程。',
  'tool.showing.own': '这是你自己的内容。',
  'tool.confirm.text': '这样会替换你已经填写的内容，替换后无法恢复。需要保留的话，请先下载 CSV。',
  'tool.confirm.yes': '替换',
  'tool.confirm.no': '取消',
  'tool.loaded.preset': '已载入示例“{name}”。',
  'tool.loaded.blank': '已换成空白表，可以填写你自己的流程。',
  'tool.cut.title': '部分输入超出了工具的上限：',
  'tool.cut.dismiss': '知道了',
  'tool.where': '内容保存在本浏览器；换设备请先导出 CSV 或打印。',
  'tool.notSaved': '无法写入浏览器存储（可能是隐私模式或存储空间已满）：内容只保留在当前页面，刷新或关闭后会丢失。请先下载 CSV。',
  'tool.otherDevice': '你已在其他设备{state}这个工具。详细内容保存在当时的浏览器里，这里无法显示；下面是示例，可以重新填写。',
  'tool.otherDevice.done': '完成',
  'tool.otherDevice.started': '开始使用',
  'tool.done': '已完成：这个工具计入本课的完成条件。',
  'tool.notDone': '尚未完成：{hint}',
  'tool.export': '导出',
  'tool.csv': '下载 CSV',
  'tool.print': '打印',
  'tool.exportNote': 'CSV 可以用 Excel 或 WPS 打开；打印时只输出这个工具，也可以在打印对话框里另存为 PDF。',
  'tool.printedOn': '打印日期：{date}',
  'tool.rowsFull': '已达到 {max} 行的上限，不能再添加。',
  'tool.labelMax': '每项文字最多 {max} 字，超出的部分会被截去。',
  'tool.add': '添加一行',
  'tool.remove': '删除',
  'tool.moveUp': '上移',
  'tool.moveDown': '下移',
  'tool.removed': '已删除第 {n} 行。',
  'tool.added': '已添加第 {n} 行。',
  'tool.moved': '已移到第 {n} 行。',
  'tool.rowLabel': '第 {n} 行',
  'tool.results': '结果',
  'tool.empty': '还没有内容：添加一行开始填写。',

  // --- S01 pain-point worksheet (Helper A) -----------------------------------------------------

  // --- S02 journey-map builder (Helper A) ------------------------------------------------------

  // --- S03 SFMEA (Helper A) --------------------------------------------------------------------

  // --- S04 blueprint layer sorter (Helper B) ---------------------------------------------------

  // --- S06 self-check (Helper B) ---------------------------------------------------------------

  // --- S06 impact–effort sorter (Helper B) -----------------------------------------------------

  // --- S06 roadmap planner (Helper B) ----------------------------------------------------------

  // --- end ---------------------------------------------------------------------------------------
} as const;

export type ToolUiKey = keyof typeof toolUi;
/** Looks a tool word up in the active interface language. */
export const tu = activeLookup(toolUi);
