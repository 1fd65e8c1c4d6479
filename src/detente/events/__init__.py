"""Events: the schema, the DuckDB EventStore and the importers for event datasets."""
