"""Evaluation: the published corpus metrics, breakdowns, confidence intervals and the runner."""
