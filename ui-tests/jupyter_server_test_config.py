"""Jupyter server settings for the UI tests: Galata's test setup, bound to
127.0.0.1 only, with a fresh temporary root folder."""

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821

c.ServerApp.ip = "127.0.0.1"  # noqa: F821
c.ServerApp.allow_root = True  # noqa: F821
c.LabApp.news_url = None  # noqa: F821
