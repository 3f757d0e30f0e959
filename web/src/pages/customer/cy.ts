// Cytoscape set-up shared by the two graphs: canvas renderer options that keep thousands of nodes
// interactive (textures and no labels or edges while the viewport moves), and the zoom limits.
import cytoscape from 'cytoscape';

/** Above this many nodes, the viewport hides labels and edges and uses a texture while it moves. */
export const LARGE = 300;

export function createCy(container: HTMLElement, nodeCount: number, style: cytoscape.StylesheetJson): cytoscape.Core {
  const large = nodeCount > LARGE;
  return cytoscape({
    container,
    style,
    layout: { name: 'preset' },
    minZoom: 0.03,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
    motionBlur: false,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    hideLabelsOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
  });
}
