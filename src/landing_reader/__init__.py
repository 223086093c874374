"""Reads the municipality's landing zone (source-contract.md) row by row, keeping every line.

Each landed line becomes one row with its file, line number and delivery stamp, so that a
row that cannot be read is quarantined with a reason instead of stopping the build.
"""
