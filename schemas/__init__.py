"""The declared schemas (Frictionless Table Schema in YAML), edited here in schemas/.

This file makes the folder the package `tracker.schemas` (pyproject.toml maps it with
package-dir), so a wheel carries the schemas and `tracker.schema` finds them through
importlib.resources in a clone and in an install alike. It holds no code.
"""
