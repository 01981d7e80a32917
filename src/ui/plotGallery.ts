/**
 * The figures of Step 5. The gallery owns one element per figure and draws
 * it with plotly.js, which loads on first use. Figures are redrawn only when
 * the run or the model changes, not on every panel render.
 */
import { IDisposable } from '@lumino/disposable';

import { applyTheme, themeFromCss } from '../plots/cssTheme';
import { IFigure, loadPlotly, Plotly } from '../plots/plotly';
import { el } from './dom';

/** One figure to show. */
export interface IGalleryFigure {
  id: string;
  title: string;
  figure: IFigure;
}

/** A list of Plotly figures, drawn lazily. */
export class PlotGallery implements IDisposable {
  constructor(options: PlotGallery.IOptions) {
    this._messages = options.messages;
    this.node = el('div', {
      className: 'jp-TrainingWizard-plots',
      attrs: { 'aria-label': options.label, role: 'region' }
    });
  }

  /** The element to place in the step; it keeps its drawn figures when moved. */
  readonly node: HTMLElement;

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Show `figures`, identified by `key`. A call with the key already shown
   * does nothing; another key purges the old figures first.
   */
  show(key: string, figures: () => IGalleryFigure[]): void {
    if (this._isDisposed || key === this._key) {
      return;
    }
    this._key = key;
    this._purge();
    const list = figures();
    const token = ++this._token;
    if (list.length === 0) {
      this.node.appendChild(el('p', { text: this._messages.empty }));
      return;
    }
    const status = el('p', { className: 'jp-TrainingWizard-fieldHint', text: this._messages.loading });
    this.node.appendChild(status);
    loadPlotly()
      .then(plotly => {
        if (token !== this._token || this._isDisposed) {
          return;
        }
        status.remove();
        this._plotly = plotly;
        const theme = themeFromCss(this.node.isConnected ? this.node : document.body);
        for (const item of list) {
          const host = el('div', {
            className: 'jp-TrainingWizard-plot',
            attrs: { 'data-figure': item.id, 'aria-label': item.title, role: 'img' }
          });
          this.node.appendChild(el('h5', { className: 'jp-TrainingWizard-plotTitle', text: item.title }));
          this.node.appendChild(host);
          void plotly.react(
            host,
            item.figure.data as never,
            sidebarLayout(applyTheme(item.figure.layout, theme)) as never,
            { displaylogo: false, responsive: true }
          );
        }
      })
      .catch(reason => {
        console.error('Failed to load plotly.js', reason);
        status.textContent = this._messages.failed;
      });
  }

  /** Forget the shown key, so the next `show` draws again (after a theme change). */
  invalidate(): void {
    this._key = null;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._purge();
    this.node.remove();
  }

  private _purge(): void {
    for (const host of Array.from(this.node.querySelectorAll('.jp-TrainingWizard-plot'))) {
      this._plotly?.purge(host as HTMLElement);
    }
    this.node.replaceChildren();
  }

  private _messages: PlotGallery.IMessages;
  private _key: string | null = null;
  private _token = 0;
  private _plotly: Plotly | null = null;
  private _isDisposed = false;
}

export namespace PlotGallery {
  /** Translated texts the gallery shows. */
  export interface IMessages {
    empty: string;
    loading: string;
    failed: string;
  }

  export interface IOptions {
    /** Accessible name of the region. */
    label: string;
    messages: IMessages;
  }
}

/**
 * Fit a figure's layout to the narrow sidebar: the heading above the chart
 * replaces the title, and the legend goes below the plot instead of beside it.
 */
function sidebarLayout(layout: Record<string, unknown>): Record<string, unknown> {
  return {
    ...layout,
    title: { text: '' },
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.25, yanchor: 'top' },
    margin: { t: 8, r: 8, b: 48, l: 48 },
    height: 320
  };
}
