// Exporting the map: a PNG of the whole map (Cytoscape draws it again off screen), the SVG of svg.ts, and one
// PowerPoint slide for account reviews (the customer's name, the day, the map and a short legend). pptxgenjs
// is loaded only when a slide is asked for.
import type cytoscape from 'cytoscape';

/** The largest PNG side: a map of 1,000 persons is scaled down to fit, as browsers limit canvas sizes. */
const MAX_SIDE = 12000;

export { saveBlob } from '../../../lib/download';

/** A file name without characters that file systems refuse. */
export function fileName(...parts: string[]): string {
  return parts.filter(Boolean).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** Twice the screen's resolution, or less so that neither side passes `maxWidth` × `maxHeight` (Cytoscape
 * ignores its own maxWidth once a scale is given). */
export function exportScale(cy: cytoscape.Core, maxWidth: number, maxHeight: number): number {
  const box = cy.elements(':visible').boundingBox();
  return Math.min(2, maxWidth / Math.max(1, box.w), maxHeight / Math.max(1, box.h));
}

export function mapPng(cy: cytoscape.Core, maxSide = MAX_SIDE): Blob {
  return cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: exportScale(cy, maxSide, maxSide) }) as unknown as Blob;
}

export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
}

export interface SlideTexts {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: string[];
}

/** The slide as a .pptx blob: 13.33 × 7.5 in, the map on the left at its own proportions, the legend right. */
export async function mapSlide(cy: cytoscape.Core, texts: SlideTexts): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const image = cy.png({ output: 'base64uri', full: true, bg: '#ffffff', scale: exportScale(cy, 4000, 2600) }) as string;
  const size = await imageSize(image);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = texts.title;
  const slide = pptx.addSlide();
  slide.addText(texts.title, { x: 0.4, y: 0.25, w: 12.5, h: 0.6, fontSize: 26, bold: true, color: '1F1F1F', fontFace: 'Microsoft YaHei' });
  slide.addText(texts.subtitle, { x: 0.4, y: 0.85, w: 12.5, h: 0.35, fontSize: 14, color: '595959', fontFace: 'Microsoft YaHei' });
  const area = { x: 0.4, y: 1.35, w: 9.4, h: 5.85 };
  const ratio = size.width / Math.max(1, size.height);
  const w = Math.min(area.w, area.h * ratio);
  const h = w / ratio;
  slide.addImage({ data: image, x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h });
  slide.addText(
    [
      { text: texts.legendTitle, options: { bold: true, fontSize: 13, breakLine: true } },
      ...texts.legend.map((line) => ({ text: line, options: { fontSize: 11, bullet: true, breakLine: true } })),
    ],
    { x: 10.0, y: 1.35, w: 3.0, h: 5.85, valign: 'top', color: '262626', fontFace: 'Microsoft YaHei', fill: { color: 'F5F5F5' }, margin: 0.1 },
  );
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}

function imageSize(uri: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => resolve({ width: 16, height: 9 });
    img.src = uri;
  });
}
