/** The caption every exported chart carries: chart title, scenario, constant set with its source, preset, link. */
import { scenarioSummary } from './scenario-rows';
import type { ExportContext } from './types';

export function captionLines(ctx: ExportContext, chartTitle: string): string[] {
  const lines = [chartTitle, `Scenario: ${scenarioSummary(ctx.scenario)}.`];
  if (ctx.set) lines.push(`Constants: ${ctx.set.name} (${ctx.set.kind}). Source: ${ctx.set.source}.`);
  if (ctx.rangeNote) lines.push(ctx.rangeNote);
  if (ctx.preset) lines.push(`Preset: ${ctx.preset.title}. ${ctx.preset.citation} (${ctx.preset.source}).`);
  lines.push(`T² Explorer, ${ctx.url}`);
  return lines;
}
