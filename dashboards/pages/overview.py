"""Översikt: what the platform is, and how many landed rows made it through."""

import streamlit as st

import cache
import queries
import ui

st.title("Synthköping – nyckeltal")

st.markdown(
    "Plattformen samlar leveranser från kommunens verksamhetssystem (HR, ekonomi, bygglov, "
    "förskola, omsorg, SCB och masterdata) i ett gemensamt lager. Filerna lämnas först i "
    "**landningszonen** och läses som de är. I **staging** får varje källa rätt namn och "
    "datatyper, och rader som inte går att tolka läggs i **karantän** i stället för att "
    "försvinna. I **intermediate** slås leveranser ihop – en senare leverans av samma "
    "uppgifter **ersätter** den tidigare. **Marts** är färdiga tabeller per område, och det "
    "**semantiska lagret** definierar varje nyckeltal en gång. **Instrumentpanelerna** här "
    "läser bara från marts, så siffrorna är desamma var de än visas."
)

try:
    totals = cache.delivery_totals(*cache.warehouse_key()).iloc[0]
except queries.WarehouseUnavailable as err:
    ui.stop_if_unavailable(err)

st.subheader("Inlästa rader")
st.caption(f"Summerat över {ui.format_count(totals['files_delivered'])} levererade filer.")

cols = st.columns(4)
cols[0].metric(
    "Levererade rader",
    ui.format_count(totals["rows_landed"]),
    help="Alla datarader i de levererade filerna.",
)
cols[1].metric(
    "Godkända",
    ui.format_count(totals["rows_accepted"]),
    help="Rader som klarade kontrollerna vid inläsningen.",
)
cols[2].metric(
    "I karantän",
    ui.format_count(totals["rows_quarantined"]),
    help="Rader som inte gick att tolka; se sidan Datakvalitet för orsaker.",
)
cols[3].metric(
    "Ersatta av senare leverans",
    ui.format_count(totals["rows_superseded"]),
    help="Rader som en senare leverans av samma uppgifter har ersatt.",
)
