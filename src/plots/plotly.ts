/**
 * Lazy access to plotly.js in the page. The library is about 4 MB, so it is
 * only fetched the first time a figure is drawn, as its own webpack chunk.
 */
import type * as PlotlyModule from 'plotly.js-dist-min';

/** The subset of plotly.js the wizard uses. */
export type Plotly = Pick<
  typeof PlotlyModule,
  'react' | 'purge' | 'toImage' | 'Plots'
>;

/** A figure as stored in `application/vnd.plotly.v1+json` outputs. */
export interface IFigure {
  data: unknown[];
  layout?: Record<string, unknown>;
  frames?: unknown[];
}

/** Mime type of Plotly figure outputs. */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

let loading: Promise<Plotly> | null = null;

/** Load plotly.js once; later calls share the same promise. */
export function loadPlotly(): Promise<Plotly> {
  if (!loading) {
    loading = import(
      /* webpackChunkName: "training-wizard-plotly" */ 'plotly.js-dist-min'
    ).then(module => ((module as unknown as { default?: Plotly }).default ?? module) as Plotly);
    loading.catch(() => {
      // Let a later call try again, for example after a network hiccup.
      loading = null;
    });
  }
  return loading;
}

/** Return whether `value` looks like a Plotly figure with a data list. */
export function isFigure(value: unknown): value is IFigure {
  return (
    value !== null &&
    typeof value === 'object' &&
    Array.isArray((value as IFigure).data) &&
    ((value as IFigure).layout === undefined ||
      ((value as IFigure).layout !== null &&
        typeof (value as IFigure).layout === 'object'))
  );
}

/**
 * Render `figure` as a PNG data URL of `width` × `height` CSS pixels, off
 * screen. Returns the base64 payload without the `data:` prefix.
 */
export async function figureToPng(
  figure: IFigure,
  width = 640,
  height = 420
): Promise<string> {
  const plotly = await loadPlotly();
  const url = await plotly.toImage(
    { data: figure.data, layout: figure.layout ?? {} } as never,
    { format: 'png', width, height }
  );
  const comma = url.indexOf(',');
  return comma >= 0 ? url.slice(comma + 1) : url;
}
