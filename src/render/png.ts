import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * SVG → PNG with fonts shipped by an npm package: a bare server has no system fonts, and a picture
 * must look the same on every machine. Shared by the crux map and the charts.
 */
const fontFolder = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSansMono.ttf'].map((f) =>
  join(fontFolder, f),
);

export interface PngOptions {
  /** Scale the picture to this width in pixels (keeps the aspect ratio). */
  readonly width?: number;
  readonly background?: string;
}

export interface Png {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export function svgToPng(svg: string, options: PngOptions = {}): Png {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: FONT_FILES,
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      monospaceFamily: 'DejaVu Sans Mono',
    },
    ...(options.width ? { fitTo: { mode: 'width' as const, value: options.width } } : {}),
    background: options.background ?? 'white',
  });
  const image = resvg.render();
  return { data: image.asPng(), width: image.width, height: image.height };
}

/** True when the bytes start with the PNG signature. */
export function isPng(data: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return signature.every((byte, i) => data[i] === byte);
}
