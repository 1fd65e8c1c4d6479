"""Bargaining: scenarios, models, Monte Carlo forecasts, variants and plan tests."""
