"""Reports: plots of forecasts (and, later, HTML reports)."""
