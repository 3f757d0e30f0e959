// Tactics of a strategy: the caller's own variant if any, else the company text, in the UI language. The
// text is a goal sentence, then one tactic per line starting with "- ".
import type { StrategyTemplates } from '../../api/types';

export interface Tactics {
  goal: string;
  items: string[];
  personal: boolean;
}

/** Splits a tactics text into its goal (lines before the first "- ") and its list of tactics. */
export function parseTactics(text: string): { goal: string; items: string[] } {
  const goal: string[] = [];
  const items: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const item = line.match(/^[-•]\s*(.*)$/);
    if (item) {
      if (item[1].trim()) items.push(item[1].trim());
    } else if (items.length) {
      // A line after the list continues the last tactic.
      items[items.length - 1] = `${items[items.length - 1]} ${line}`;
    } else {
      goal.push(line);
    }
  }
  return { goal: goal.join(' '), items };
}

/** The text to show: the personal variant in the language, falling back to the other language, then the company's. */
export function chooseTactics(templates: StrategyTemplates, language: string): Tactics {
  const english = language === 'en';
  const pick = (t: { zh: string; en: string } | null) => {
    if (!t) return '';
    const first = english ? t.en : t.zh;
    return first.trim() ? first : (english ? t.zh : t.en);
  };
  const personal = pick(templates.personal);
  const text = personal.trim() ? personal : pick(templates.company);
  return { ...parseTactics(text), personal: !!personal.trim() };
}
