// The customer's history page without React. The opportunities behind each figure come with the history
// answer itself (ids, samples, projects, method_projects, rule_projects, win_projects, we_won_projects,
// lesson_projects), computed by the engine: the page never works them out again.

/** Tags of one kind, most used first (ties by the tag). */
export function sortedTags(tags: Record<string, number>): { tag: string; count: number }[] {
  return Object.entries(tags)
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
