/** "1 action", "3 actions": the one plural helper every message, report and panel uses. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
