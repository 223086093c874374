"""Entry script: page config, the shared filters, the build watcher and navigation.

The filters live here, not in the pages, so that they are drawn on every run and keep their
values when the manager moves between pages (filters.py mirrors them into the URL).
"""

import pandas as pd
import streamlit as st

import cache
import filters
import queries
import sv_format
import ui

st.set_page_config(page_title="Synthköping – nyckeltal", layout="wide")

st.session_state["warehouse_key"] = cache.warehouse_key()


def filter_options() -> tuple[list[int], pd.DataFrame, pd.DataFrame]:
    """Years, förvaltningar and units to offer; empty when the warehouse cannot answer yet
    (the page then says why)."""
    no_orgs = pd.DataFrame(columns=["forvaltning_code", "forvaltning_name"])
    no_units = pd.DataFrame(columns=["unit_id", "unit_name", "forvaltning_code"])
    key = st.session_state["warehouse_key"]
    try:
        kv = cache.kpi_values(*key)
        orgs = cache.forvaltningar(*key)
        units = cache.org_units(*key)
    except queries.WarehouseChanged:
        st.rerun()
    except queries.WarehouseUnavailable:
        return [], no_orgs, no_units
    years = sorted({int(p[:4]) for p in kv["period"]})
    return years, orgs, units


st.session_state["filters"] = filters.render(*filter_options())


@st.fragment(run_every="10s")
def build_watcher() -> None:
    """Show the build in use, and switch to a new one as soon as it has been moved in."""
    if cache.warehouse_key() != st.session_state["warehouse_key"]:
        st.rerun(scope="app")
    st.caption(f"Lagret byggt {ui.build_time()}")


with st.sidebar:
    build_watcher()
    st.caption(
        "Tal och datum visas med svenska format "
        f"(t.ex. {sv_format.count(1234567)} och {sv_format.percent(12.34)})."
    )

# Streamlit's page says lang="en"; screen readers must read Swedish (WCAG 3.1.1).
st.html("<script>document.documentElement.lang = 'sv';</script>", unsafe_allow_javascript=True)

pages = [
    st.Page("views/overview.py", title="Översikt", icon=":material/home:", default=True),
    st.Page("views/personal.py", title="Personal", icon=":material/groups:", url_path="personal"),
    st.Page("views/ekonomi.py", title="Ekonomi", icon=":material/payments:", url_path="ekonomi"),
    st.Page("views/verksamhet.py", title="Verksamhet", icon=":material/apartment:",
            url_path="verksamhet"),
    st.Page("views/data_quality.py", title="Datakvalitet", icon=":material/fact_check:",
            url_path="datakvalitet"),
]

st.navigation(pages).run()
