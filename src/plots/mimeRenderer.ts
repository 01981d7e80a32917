/**
 * A renderer for `application/vnd.plotly.v1+json` outputs, registered only
 * when no other extension renders that type, so results cells are
 * interactive without the official Plotly extension and do not fight it.
 */
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';

import { applyTheme, themeFromCss } from './cssTheme';
import { IFigure, isFigure, loadPlotly, Plotly, PLOTLY_MIME } from './plotly';

/** Draws one Plotly figure output, loading plotly.js on first use. */
export class PlotlyRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this._mimeType = options.mimeType;
    this._trans = (options.translator?.load('jupyterlab_training_wizard') ?? {
      __: (text: string, ...args: unknown[]) =>
        args.reduce<string>(
          (out, arg, index) => out.replace(`%${index + 1}`, String(arg)),
          text
        )
    }) as { __(text: string, ...args: unknown[]): string };
    this.addClass('jp-TrainingWizard-plot');
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const value = model.data[this._mimeType];
    if (!isFigure(value)) {
      this.node.textContent = this._trans.__(
        'This output is not a Plotly figure: it has no "data" list.'
      );
      return;
    }
    let plotly: Plotly;
    try {
      plotly = await loadPlotly();
    } catch (reason) {
      console.error('Failed to load plotly.js', reason);
      this.node.textContent = this._trans.__(
        'The chart library could not be loaded; the PNG copy of this chart is kept in the notebook.'
      );
      return;
    }
    if (this.isDisposed) {
      return;
    }
    this._plotly = plotly;
    this._figure = value;
    await this._draw();
    this._watchTheme();
  }

  /** Draw the figure in the current theme's colours. */
  private async _draw(): Promise<void> {
    const figure = this._figure;
    if (!this._plotly || !figure || this.isDisposed) {
      return;
    }
    // The body is always attached, so its computed style has the theme's
    // variables even while this output is not yet in the page.
    const layout = applyTheme(figure.layout, themeFromCss(document.body));
    await this._plotly.react(this.node, figure.data as never, layout as never, {
      displaylogo: false,
      responsive: true
    });
  }

  /** Redraw when JupyterLab switches the theme, which it marks on the body. */
  private _watchTheme(): void {
    if (this._themeObserver) {
      return;
    }
    this._themeObserver = new MutationObserver(() => void this._draw());
    this._themeObserver.observe(document.body, {
      attributes: true,
      attributeFilter: ['data-jp-theme-name', 'data-jp-theme-light']
    });
  }

  protected onAfterShow(): void {
    this._resize();
  }

  protected onResize(): void {
    this._resize();
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._themeObserver?.disconnect();
    this._themeObserver = null;
    this._plotly?.purge(this.node);
    this._plotly = null;
    super.dispose();
  }

  private _resize(): void {
    if (this._plotly && this.isVisible && this.node.isConnected) {
      void this._plotly.Plots.resize(this.node);
    }
  }

  private _mimeType: string;
  private _plotly: Plotly | null = null;
  private _figure: IFigure | null = null;
  private _themeObserver: MutationObserver | null = null;
  private _trans: { __(text: string, ...args: unknown[]): string };
}

/**
 * The renderer factory.
 *
 * #### Notes
 * Not safe: Plotly reads a subset of HTML in figure text, so an untrusted
 * notebook shows the `image/png` copy that every wizard figure carries.
 */
export const plotlyRendererFactory: IRenderMime.IRendererFactory = {
  safe: false,
  mimeTypes: [PLOTLY_MIME],
  // Ahead of image/png (90), so trusted notebooks get the interactive chart.
  defaultRank: 80,
  createRenderer: options => new PlotlyRenderer(options)
};
