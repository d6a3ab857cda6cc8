import { describe, expect, it } from 'vitest';
import { isPng, svgToPng } from '../../src/render/png.ts';

describe('SVG to PNG', () => {
  it('renders text with the bundled font at the requested width', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="10" y="50" font-size="20">C1 supports C2 · ◆ 70%</text></svg>';
    const png = svgToPng(svg, { width: 400 });
    expect(isPng(png.data)).toBe(true);
    expect(png.width).toBe(400);
    expect(png.height).toBe(200);
    // Text was drawn: a blank canvas compresses to far fewer bytes.
    const blank = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"></svg>', { width: 400 });
    expect(png.data.length).toBeGreaterThan(blank.data.length + 500);
  });
});
