"""The prebuilt JupyterLab extension jupyterlab-training-wizard."""

try:
    from ._version import __version__
except ImportError:
    # The version file is written by the build; an unbuilt checkout has none.
    __version__ = "dev"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-training-wizard"}]
