/**
 * Plotly figure JSON shared by every builder: the theme, the options, the
 * base layout and the guard that keeps numbers finite.
 */
import { plotText, Translate, untranslated } from './text';

/** A trace of a Plotly figure, as plain JSON. */
export type PlotlyTrace = Record<string, unknown>;

/** A Plotly figure, as plain JSON for `application/vnd.plotly.v1+json`. */
export interface IPlotlyFigure {
  data: PlotlyTrace[];
  layout: Record<string, unknown>;
}

/**
 * Fonts and colours of the figures. The page fills it from the `--jp-*` CSS
 * variables of the current theme.
 */
export interface IPlotTheme {
  fontFamily: string;
  /** Font size in pixels. */
  fontSize: number;
  fontColor: string;
  /** Background of the whole figure. */
  paperColor: string;
  /** Background of the plotting area. */
  plotColor: string;
  gridColor: string;
  /** Trace colours in order. */
  colorway: string[];
}

/** A light theme for tests and the CLI, close to JupyterLab's light theme. */
export const DEFAULT_THEME: IPlotTheme = {
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif',
  fontSize: 12,
  fontColor: '#212121',
  paperColor: '#ffffff',
  plotColor: '#ffffff',
  gridColor: '#e0e0e0',
  colorway: ['#1976d2', '#d32f2f', '#388e3c', '#f57c00', '#7b1fa2', '#0097a7', '#5d4037', '#c2185b']
};

/** Options of every figure builder. */
export interface IPlotOptions {
  /** Defaults to `DEFAULT_THEME`. */
  theme?: IPlotTheme;
  /** Translates every title, axis title and legend text. Defaults to `untranslated`. */
  translate?: Translate;
}

/** `IPlotOptions` with the defaults filled in. */
export interface IResolvedOptions {
  theme: IPlotTheme;
  translate: Translate;
  /** Translate and escape a message; see `plotText`. */
  text(message: string, ...args: Array<string | number>): string;
}

/** Fill in the defaults of `options`. */
export function resolveOptions(options: IPlotOptions = {}): IResolvedOptions {
  const translate = options.translate ?? untranslated;
  return {
    theme: options.theme ?? DEFAULT_THEME,
    translate,
    text: (message, ...args) => plotText(translate, message, ...args)
  };
}

/** Titles of a figure, already translated and escaped. */
export interface IFigureTitles {
  title: string;
  x: string;
  y: string;
}

/** Value of `layout.meta.source` in figures built by the wizard. */
export const WIZARD_FIGURE = 'training-wizard';

/** Build the layout every figure starts from: theme, titles and gridlines. */
export function baseLayout(options: IResolvedOptions, titles: IFigureTitles): Record<string, unknown> {
  const { theme } = options;
  const axis = (title: string) => ({
    title: { text: title },
    gridcolor: theme.gridColor,
    zerolinecolor: theme.gridColor,
    automargin: true
  });
  return {
    title: { text: titles.title },
    font: { family: theme.fontFamily, size: theme.fontSize, color: theme.fontColor },
    paper_bgcolor: theme.paperColor,
    plot_bgcolor: theme.plotColor,
    colorway: [...theme.colorway],
    xaxis: axis(titles.x),
    yaxis: axis(titles.y),
    legend: { orientation: 'v' },
    margin: { t: 48, r: 16, b: 48, l: 56 },
    // Show whole trace names in hover labels: the default cut at 15
    // characters could split a character reference such as `&amp;`.
    hoverlabel: { namelength: -1 },
    // Lets a renderer recognise the wizard's figures and re-theme them.
    meta: { source: WIZARD_FIGURE }
  };
}

/** Return the colour of trace `index` from the theme's colorway. */
export function traceColor(options: IResolvedOptions, index: number): string {
  const colours = options.theme.colorway;
  return colours.length === 0 ? options.theme.fontColor : colours[index % colours.length];
}

/**
 * Return a deep copy of `figure` in which every number that is NaN or
 * infinite is null, so the JSON is strict and Plotly leaves a gap.
 */
export function finiteFigure(figure: IPlotlyFigure): IPlotlyFigure {
  return finiteCopy(figure) as IPlotlyFigure;
}

function finiteCopy(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return Array.from(value as ArrayLike<unknown>, finiteCopy);
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = finiteCopy(item);
    }
    return copy;
  }
  return value;
}
