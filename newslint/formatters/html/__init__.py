"""The HTML report (``--format html``): layout (where findings go) and rendering (Jinja2)."""
