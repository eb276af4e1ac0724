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
  'tool.rowAction': '{action}：{row}',

  // --- S01 pain-point worksheet (Helper A) -----------------------------------------------------
  'tool.pain.title': '痛点分析工作表',
  'tool.pain.intro': '按顾客经历的顺序列出服务流程的每一步，填上耗时，勾出等待、重复或多余的环节，再给每一步评严重度（1–5）。问题地图按问题分从高到低排列。',
  'tool.pain.step': '第 {n} 步',
  'tool.pain.label': '步骤内容',
  'tool.pain.minutes': '耗时（分钟）',
  'tool.pain.flags': '这一步属于',
  'tool.pain.severity': '严重度',
  'tool.pain.add': '添加一步',
  'tool.pain.stepsTitle': '流程步骤',
  'tool.pain.mapTitle': '问题地图',
  'tool.pain.mapCaption': '问题地图：按问题分从高到低排列（标记“问题”的是带标记或严重度 4–5 的步骤）',
  'tool.pain.totals': '共 {steps} 步，总耗时 {minutes} 分钟；带标记的步骤耗时 {flagged} 分钟；问题步骤 {problems} 个。',
  'tool.pain.top': '排在首位的是第 {n} 步“{label}”，问题分 {score}。',
  'tool.pain.problem': '问题',
  'tool.pain.none': '—',
  'tool.pain.untitled': '（未填写）',
  'tool.pain.doneHint': '至少记录 3 个步骤。',

  // --- S02 journey-map builder (Helper A) ------------------------------------------------------
  'tool.journey.title': '顾客旅程地图',
  'tool.journey.intro': '先写下这是谁、在什么情境下的旅程，再在五个阶段里列出顾客接触到的触点，给每个触点选一个情绪（−2 非常不满 … +2 非常满意）。情绪曲线显示每个阶段的平均情绪：最低点就是最该先改进的地方。',
  'tool.journey.persona': '人物与情境',
  'tool.journey.rowName': '{stage}第 {n} 个触点',
  'tool.journey.label': '触点内容',
  'tool.journey.emotion': '情绪',
  'tool.journey.add': '在“{stage}”阶段添加触点',
  'tool.journey.stageFull': '每个阶段最多 {max} 个触点，全图最多 {total} 个。',
  'tool.journey.count': '{count} 个触点',
  'tool.journey.curveTitle': '情绪曲线',
  'tool.journey.curveDesc': '横轴是五个阶段，纵轴是情绪（−2 到 +2）；折线连接各阶段的平均情绪，圆点是各个触点。下表列出同样的数据。',
  'tool.journey.tableCaption': '各阶段的触点数、平均情绪和最低的触点',
  'tool.journey.lowest': '情绪最低的触点：{list}（{emotion}）。',
  'tool.journey.lowestStage': '平均情绪最低的阶段：{list}（平均 {mean}）。',
  'tool.journey.noData': '还没有触点：在任一阶段添加一个开始。',
  'tool.journey.none': '—',
  'tool.journey.untitled': '（未填写）',
  'tool.journey.listJoin': '、',
  'tool.journey.col.count': '触点数',
  'tool.journey.doneHint': '五个阶段各至少填一个触点。',

  // --- S03 SFMEA (Helper A) --------------------------------------------------------------------
  'tool.sfmea.title': 'SFMEA 风险评估表',
  'tool.sfmea.intro': '为流程中可能出错的环节各写一行：失效模式、对客户的影响，再用 1–10 分评严重度（S）、发生频率（O）和检测难度（D）。RPN = S × O × D，越高越该优先处理；S 达到 9 或 10 的无论 RPN 高低都要处理。写下改进措施后重新评分，看 RPN 降了多少。',
  'tool.sfmea.rowName': '第 {n} 项失效模式',
  'tool.sfmea.rpn': 'RPN：{rpn}',
  'tool.sfmea.rpnAfter': '改进后 RPN：{rpn}（降低 {reduction}，{percent}%）',
  'tool.sfmea.high': '高严重度（S ≥ 9）：必须处理',
  'tool.sfmea.rescore': '改进后重新评分',
  'tool.sfmea.rescoreOff': '取消重新评分',
  'tool.sfmea.afterTitle': '改进后的评分',
  'tool.sfmea.add': '添加一项失效模式',
  'tool.sfmea.rowsTitle': '失效模式',
  'tool.sfmea.tableTitle': '按 RPN 排序',
  'tool.sfmea.tableCaption': '失效模式按当前 RPN 从高到低排列（改进后已重新评分的按改进后计），RPN 相同时严重度高的在前',
  'tool.sfmea.summary': '共 {count} 项；当前最高 RPN 为 {max}（{failure}）；高严重度 {high} 项。',
  'tool.sfmea.none': '—',
  'tool.sfmea.reduction': '{reduction}（{percent}%）',
  'tool.sfmea.untitled': '（未填写）',
  'tool.sfmea.doneHint': '至少为一项失效模式写下改进措施并重新评分。',

  // --- S04 blueprint layer sorter (Helper B) ---------------------------------------------------

  // --- S06 self-check (Helper B) ---------------------------------------------------------------

  // --- S06 impact–effort sorter (Helper B) -----------------------------------------------------

  // --- S06 roadmap planner (Helper B) ----------------------------------------------------------

  // --- end ---------------------------------------------------------------------------------------
} as const;

export type ToolUiKey = keyof typeof toolUi;
/** Looks a tool word up in the active interface language. */
export const tu = activeLookup(toolUi);
