/**
 * Plot colours and fonts read from JupyterLab's `--jp-*` CSS variables, so
 * figures follow the light, dark and high-contrast themes.
 */

import { IPlotTheme, WIZARD_FIGURE } from './figure';

/** Read the current theme's plot colours from `element`'s computed style. */
export function themeFromCss(element: Element = document.body): IPlotTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) =>
    style.getPropertyValue(name).trim() || fallback;
  const size = parseFloat(read('--jp-ui-font-size1', '13px'));
  return {
    fontFamily: read('--jp-ui-font-family', 'sans-serif'),
    fontSize: Number.isFinite(size) ? size : 13,
    fontColor: read('--jp-ui-font-color1', '#333'),
    paperColor: read('--jp-layout-color0', '#fff'),
    plotColor: read('--jp-layout-color0', '#fff'),
    gridColor: read('--jp-border-color2', '#ddd'),
    colorway: [
      read('--jp-brand-color1', '#1976d2'),
      read('--jp-warn-color1', '#f57c00'),
      read('--jp-success-color1', '#388e3c'),
      read('--jp-error-color1', '#d32f2f'),
      read('--jp-accent-color1', '#7b1fa2'),
      read('--jp-info-color1', '#0097a7'),
      read('--jp-brand-color3', '#90caf9'),
      read('--jp-warn-color3', '#ffcc80')
    ]
  };
}

/**
 * Return a copy of `layout` with the colours and fonts of `theme`, for a
 * figure the wizard built. Other figures are returned unchanged.
 */
export function applyTheme(
  layout: Record<string, unknown> | undefined,
  theme: IPlotTheme
): Record<string, unknown> {
  const base = layout ?? {};
  const meta = base.meta as { source?: unknown } | undefined;
  if (!meta || meta.source !== WIZARD_FIGURE) {
    return base;
  }
  const axis = (value: unknown) => ({
    ...(value as Record<string, unknown> | undefined),
    gridcolor: theme.gridColor,
    zerolinecolor: theme.gridColor,
    linecolor: theme.gridColor
  });
  const themed: Record<string, unknown> = {
    ...base,
    font: {
      ...(base.font as Record<string, unknown> | undefined),
      family: theme.fontFamily,
      color: theme.fontColor
    },
    paper_bgcolor: theme.paperColor,
    plot_bgcolor: theme.plotColor,
    colorway: theme.colorway
  };
  for (const key of Object.keys(base)) {
    if (/^[xy]axis\d*$/.test(key)) {
      themed[key] = axis(base[key]);
    }
  }
  return themed;
}
