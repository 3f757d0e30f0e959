// Cytoscape set-up of the relationship map: canvas renderer options that keep thousands of nodes interactive
// (textures and no labels or edges while the viewport moves), and the zoom limits.
import cytoscape from 'cytoscape';

/** Above this many nodes, the viewport hides labels and edges and uses a texture while it moves. */
export const LARGE = 300;

/** A new instance drawing `elements` (given at once: they are styled and drawn in one go). */
export function createCy(container: HTMLElement, nodeCount: number, style: cytoscape.StylesheetJson, elements: cytoscape.ElementDefinition[] = []): cytoscape.Core {
  const large = nodeCount > LARGE;
  return cytoscape({
    container,
    style,
    elements,
    // Preset positions, and the map's own first view (not a fit to everything).
    layout: { name: 'preset', fit: false },
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

/** Follows the container's size; returns the clean-up that also destroys the instance. */
export function keepSized(cy: cytoscape.Core, container: HTMLElement): () => void {
  const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => cy.resize()) : null;
  observer?.observe(container);
  return () => {
    observer?.disconnect();
    cy.destroy();
  };
}

/** Swaps every element for `elements` (nodes before edges) in one batch. */
export function replaceElements(cy: cytoscape.Core, elements: cytoscape.ElementDefinition[]) {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
}

/** Fits the graph in view, but no closer than `maxZoom` (a few nodes would otherwise fill the screen). */
export function fitAtMost(cy: cytoscape.Core, maxZoom: number) {
  cy.fit(undefined, 30);
  if (cy.zoom() > maxZoom) {
    cy.zoom(maxZoom);
    cy.center();
  }
}
