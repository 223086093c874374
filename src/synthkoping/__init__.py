"""Synthköping: deterministic demo data for the municipal data platform.

The generator writes the landing zone described in the source contract
(shared/source-contract.md), faults included, so that every platform rule is exercised.
"""

__version__ = "0.1.0"
