"""Query the KPIs by metric name through MetricFlow, from Python.

The `mf` command line spends ~2 s a call importing itself; a dashboard or a test sets
up one `MetricEngine` and asks it many questions. See `engine.py`.
"""

from kommun_metrics.engine import MetricEngine

__all__ = ["MetricEngine"]
