"""Entry script: page config and navigation only; each page lives in pages/."""

import streamlit as st

st.set_page_config(page_title="Synthköping – nyckeltal", layout="wide")

pages = [
    st.Page("pages/overview.py", title="Översikt", icon=":material/home:", default=True),
    st.Page("pages/data_quality.py", title="Datakvalitet", icon=":material/fact_check:"),
]

st.navigation(pages).run()
