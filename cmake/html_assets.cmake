# HTML report assets (Vega, Vega-Lite, vega-embed from the npm registry), embedded into the
# binary so that `--html` writes one self-contained file. Filled in by the HTML report work.
