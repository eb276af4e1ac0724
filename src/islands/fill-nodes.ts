import type { ComponentChildren } from 'preact';

/**
 * An interface sentence (placeholders not yet filled stay `{name}`) with nodes in the places of
 * `nodes`' names: course text such as a preset's or a persona's name, marked `lang="zh-CN"`,
 * inside an English sentence. Used by the role-play and the tool islands.
 */
export function fillNodes(sentence: string, nodes: Readonly<Record<string, ComponentChildren>>): ComponentChildren[] {
  return sentence.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name !== undefined && Object.hasOwn(nodes, name) ? nodes[name] : part;
  });
}
