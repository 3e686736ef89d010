import type { Page } from 'playwright-core';

/**
 * Whether every word the page's charts show can be read: for each chart SVG (the overview's daily chart, a campaign's
 * timeline), the shown labels that run outside its drawing and the pairs drawn over each other. Both lists are empty
 * on a readable page, at any width.
 */
export async function chartLegibility(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('svg.daily-chart__svg, svg.campaign-chart__svg')].map((svg) => {
      const frame = svg.getBoundingClientRect();
      const shown = [...svg.querySelectorAll('text')]
        .filter((text) => getComputedStyle(text).display !== 'none')
        .map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }));
      const outside = shown
        .filter(
          ({ box }) =>
            box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom,
        )
        .map(({ text }) => text);
      const overlapping = shown.flatMap((a, i) =>
        shown
          .slice(i + 1)
          .filter(
            ({ box: b }) =>
              a.box.left < b.right && b.left < a.box.right && a.box.top < b.bottom && b.top < a.box.bottom,
          )
          .map((b) => `${a.text} / ${b.text}`),
      );
      return { shown: shown.map(({ text }) => text), outside, overlapping };
    }),
  );
}
